import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, renderReply, templateVariables, TEMPLATE_VARIABLES, type TemplateValues } from './index.ts';

const all: TemplateValues = {
  sender_name: 'Gary <b>Troll</b>',
  councillor_name: 'Cllr Aisha Khan',
  council_name: 'Example Borough Council',
  contact_name: 'Sam Patel',
  contact_email: 'sam.patel@council.example',
  colleague_name: 'Cllr Tom Reid',
  monitoring_officer_name: 'Jo Lawson',
  reference: 'WG-2026-0042',
  date: '23 November 2026',
};

describe('reply templates', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.key, t] as const))('built-in %s renders with no placeholder left in either part', (_, t) => {
    const r = renderReply(t, all);
    for (const part of [r.subject, r.text, r.html]) expect(part).not.toMatch(/\{\{|\}\}/);
    expect(r.text).toContain('Gary <b>Troll</b>');
    expect(r.html).toContain('Gary &lt;b&gt;Troll&lt;/b&gt;');
    expect(r.html).not.toContain('<b>Troll');
  });

  it('refuses a variable it does not know rather than leaving a blank', () => {
    expect(() => renderReply({ subject: 'Hi', body: 'Dear {{ senderName }}' }, all)).toThrow(expect.objectContaining({ code: 'UNKNOWN_TEMPLATE_VARIABLE' }));
    expect(() => templateVariables({ subject: 'Hi {{', body: 'x' })).toThrow(expect.objectContaining({ code: 'MALFORMED_TEMPLATE' }));
  });

  it('refuses a missing or empty value rather than sending "Dear ,"', () => {
    const { sender_name: _, ...without } = all;
    expect(() => renderReply({ subject: 'Hi', body: 'Dear {{sender_name}},' }, without)).toThrow(expect.objectContaining({ code: 'MISSING_TEMPLATE_VALUE' }));
    expect(() => renderReply({ subject: 'Hi', body: 'Dear {{sender_name}},' }, { ...all, sender_name: '  ' })).toThrow(
      expect.objectContaining({ code: 'MISSING_TEMPLATE_VALUE' }),
    );
  });

  it('will not let a value start a new header through the subject', () => {
    expect(() => renderReply({ subject: 'Re {{reference}}', body: 'x' }, { ...all, reference: 'X\r\nBcc: everyone@example.net' })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_VALUE_INVALID' }),
    );
  });

  it('lists the variables a template uses, all of them documented', () => {
    expect(templateVariables({ subject: '{{reference}}', body: '{{ sender_name }} {{date}} {{reference}}' }).sort()).toEqual([
      'date',
      'reference',
      'sender_name',
    ]);
    for (const t of BUILT_IN_TEMPLATES) for (const v of templateVariables(t)) expect(TEMPLATE_VARIABLES[v]).toBeTruthy();
  });

  it('keeps paragraphs in the HTML part', () => {
    const r = renderReply({ subject: 's', body: 'One\nline two\n\nTwo' }, all);
    expect(r.html).toContain('<p>One<br>line two</p>\n<p>Two</p>');
    expect(r.text).toBe('One\nline two\n\nTwo');
  });
});
