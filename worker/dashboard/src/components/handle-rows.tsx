import type { PlatformHandle } from '@wardguard/shared/api/perpetrators';
import { inputValue } from '../lib/error-text.ts';

export interface HandleDraft {
  platform: string;
  handle: string;
  accountId: string;
  profileUrl: string;
}

export const draftOf = (h: PlatformHandle): HandleDraft => ({
  platform: h.platform,
  handle: h.handle ?? '',
  accountId: h.accountId ?? '',
  profileUrl: h.profileUrl ?? '',
});

/** Drafts → the API's handles: blank rows dropped, blank fields left out. */
export const handlesOf = (drafts: HandleDraft[]): PlatformHandle[] =>
  drafts
    .filter((d) => d.platform.trim() || d.handle.trim() || d.accountId.trim())
    .map((d) => ({
      platform: d.platform.trim(),
      ...(d.handle.trim() ? { handle: d.handle.trim() } : {}),
      ...(d.accountId.trim() ? { accountId: d.accountId.trim() } : {}),
      ...(d.profileUrl.trim() ? { profileUrl: d.profileUrl.trim() } : {}),
    }));

const FIELDS: { key: keyof HandleDraft; label: string; url?: true }[] = [
  { key: 'platform', label: 'Platform' },
  { key: 'handle', label: 'Handle' },
  { key: 'accountId', label: 'Account ID' },
  { key: 'profileUrl', label: 'Profile link', url: true },
];

/**
 * A person's accounts, one fieldset each. The account ID matters most: handles change, the
 * platform's own ID does not.
 */
export function HandleRows({ idPrefix, rows, onChange }: { idPrefix: string; rows: HandleDraft[]; onChange: (rows: HandleDraft[]) => void }) {
  const set = (i: number, key: keyof HandleDraft, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <div class="handle-rows">
      {rows.map((r, i) => (
        <fieldset key={i}>
          <legend>Account {i + 1}</legend>
          <div class="row">
            {FIELDS.map((f) => (
              <label key={f.key}>
                {f.label}
                <input
                  id={`${idPrefix}-${i}-${f.key}`}
                  inputMode={f.url ? 'url' : 'text'}
                  required={f.key === 'platform'}
                  maxLength={f.key === 'profileUrl' ? 2000 : 200}
                  value={r[f.key]}
                  placeholder={f.key === 'platform' ? 'e.g. x, facebook' : undefined}
                  onInput={(e) => set(i, f.key, inputValue(e))}
                />
              </label>
            ))}
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove account {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, { platform: '', handle: '', accountId: '', profileUrl: '' }])}>
        Add an account
      </button>
    </div>
  );
}
