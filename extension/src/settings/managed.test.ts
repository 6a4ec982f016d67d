import { describe, expect, it } from 'vitest';
import { managedSettingsFrom } from './managed.ts';

describe('settings council IT sets by policy (chrome.storage.managed)', () => {
  it('takes the server address as its origin and the default case as given', () => {
    expect(managedSettingsFrom({ serverUrl: 'https://wardguard.example.gov.uk/dashboard', defaultCaseId: 'case_123-A' })).toEqual({
      serverUrl: 'https://wardguard.example.gov.uk',
      defaultCaseId: 'case_123-A',
    });
  });

  it('reads an address written without https:// as https, as the options page does', () => {
    expect(managedSettingsFrom({ serverUrl: 'wardguard.example.gov.uk' }).serverUrl).toBe('https://wardguard.example.gov.uk');
  });

  it('ignores a plain http address to another machine, or one that is not an address, so the councillor is asked instead', () => {
    expect(managedSettingsFrom({ serverUrl: 'http://wardguard.example.gov.uk' }).serverUrl).toBeNull();
    expect(managedSettingsFrom({ serverUrl: 'javascript:alert(1)' }).serverUrl).toBeNull();
    expect(managedSettingsFrom({ serverUrl: 42 }).serverUrl).toBeNull();
  });

  it('ignores a default case id that could not be one', () => {
    expect(managedSettingsFrom({ defaultCaseId: '../../admin' }).defaultCaseId).toBeNull();
    expect(managedSettingsFrom({ defaultCaseId: 'x'.repeat(65) }).defaultCaseId).toBeNull();
    expect(managedSettingsFrom({ defaultCaseId: ['case_1'] }).defaultCaseId).toBeNull();
  });

  it('with no policy at all, manages nothing', () => {
    expect(managedSettingsFrom({})).toEqual({ serverUrl: null, defaultCaseId: null });
  });
});
