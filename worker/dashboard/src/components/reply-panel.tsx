import { useEffect, useState } from 'preact/hooks';
import type { TemplateVersionView } from '@wardguard/shared';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import type { MailRecord } from '../lib/types.ts';

type Template = TemplateVersionView;
interface Preview {
  to: string;
  subject: string;
  text: string;
  templateVersion: number;
}
interface Reply {
  id: string;
  templateKey: string;
  templateVersion: number;
  state: string;
  approvedAt: string;
  finishedAt: string | null;
  to: string;
}

// Filled by Wardguard from the record; the officer supplies the rest.
const AUTO = new Set(['sender_name', 'councillor_name', 'council_name', 'reference', 'date']);
const LABEL: Record<string, string> = {
  contact_name: 'Council contact',
  contact_email: "Contact's email",
  colleague_name: 'Ward colleague',
  monitoring_officer_name: 'Monitoring officer',
};
const REMEMBER_KEY = 'wardguard.reply-values';

const usedVariables = (t: Template) => [...new Set([...`${t.subject}\n${t.body}`.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)].map((m) => m[1]!))].filter((v) => !AUTO.has(v));

/** Choose a template, preview the exact email, approve: the mail filter sends it from the councillor's account. */
export function ReplyPanel({ record }: { record: MailRecord }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [key, setKey] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? '{}') as Record<string, string>);
  const [override, setOverride] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [replies, setReplies] = useState<Reply[]>([]);
  const [status, setStatus] = useState('');

  const loadReplies = () => api<{ replies: Reply[] }>(`/replies?recordId=${encodeURIComponent(record.id)}`).then((r) => setReplies(r.replies));
  useEffect(() => {
    api<{ templates: Template[] }>('/templates').then((r) => setTemplates(r.templates)).catch(() => undefined);
    void loadReplies().catch(() => undefined);
  }, [record.id]);

  const template = templates.find((t) => t.key === key);
  const body = () => ({ recordId: record.id, templateKey: key, values: Object.fromEntries(Object.entries(values).filter(([k]) => template && usedVariables(template).includes(k))) });

  const doPreview = async () => {
    setStatus('');
    try {
      setPreview(await api<Preview>('/replies/preview', { method: 'POST', json: body() }));
      localStorage.setItem(REMEMBER_KEY, JSON.stringify(values));
    } catch (e) {
      setPreview(null);
      setStatus(e instanceof ApiError ? e.message : 'Could not prepare the reply.');
    }
  };
  const approve = async () => {
    try {
      await api('/replies', { method: 'POST', json: { ...body(), ...(override.trim() ? { overrideReason: override.trim() } : {}) } });
      setStatus('Approved: the mail filter will send it from the councillor’s mailbox.');
      setPreview(null);
      await loadReplies();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : 'The reply was not approved.');
    }
  };

  const ttl = record.severity === 'threat_to_life';
  return (
    <section class="reply" aria-labelledby="reply-h">
      <h2 id="reply-h">Disengagement reply</h2>
      {replies.length > 0 && (
        <ul class="replies">
          {replies.map((r) => (
            <li key={r.id}>
              {r.templateKey.replace(/_/g, ' ')} (version {r.templateVersion}) to {r.to}: <strong>{r.state}</strong>, approved {when(r.approvedAt)}
              {r.finishedAt && <>, {r.state} {when(r.finishedAt)}</>}
            </li>
          ))}
        </ul>
      )}
      {record.noReplyNeeded && (
        <p class="notice" role="note">
          The council has disengaged from this sender: this message is recorded but needs no reply. A reply needs a written reason.
        </p>
      )}
      {ttl && (
        <p class="notice" role="note">
          This may be a threat to life. Police advice is often not to respond: a reply needs a written reason.
        </p>
      )}
      <div class="decision-fields">
        <label>
          Template
          <select value={key} onChange={(e) => { setKey((e.target as HTMLSelectElement).value); setPreview(null); }}>
            <option value="">Choose…</option>
            {templates.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {template &&
          usedVariables(template).map((v) => (
            <label key={v}>
              {LABEL[v] ?? v}
              <input value={values[v] ?? ''} onInput={(e) => setValues({ ...values, [v]: (e.target as HTMLInputElement).value })} />
            </label>
          ))}
        {(ttl || record.noReplyNeeded) && (
          <label class="wide">
            {ttl ? 'Reason for replying to a possible threat to life' : 'Reason for replying to a disengaged sender'}
            <textarea rows={2} value={override} onInput={(e) => setOverride((e.target as HTMLTextAreaElement).value)} />
          </label>
        )}
      </div>
      <div class="decision-buttons">
        <button type="button" disabled={!key} onClick={doPreview}>
          Preview
        </button>
      </div>
      {preview && (
        <div class="preview">
          <p>
            To <strong>{preview.to}</strong> · Subject <strong>{preview.subject}</strong> · template version {preview.templateVersion}
          </p>
          <pre class="message-text">{preview.text}</pre>
          <button type="button" onClick={approve}>
            Approve and send
          </button>
        </div>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
