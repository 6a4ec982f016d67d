import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReplyView, TemplateVersionView } from '@wardguard/shared';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { MailRecord } from '../lib/types.ts';

type Template = TemplateVersionView;
interface Preview {
  to: string;
  subject: string;
  text: string;
  templateVersion: number;
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

const usedVariables = (t: Template) =>
  [...new Set([...`${t.subject}\n${t.body}`.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)].map((m) => m[1]!))].filter((v) => !AUTO.has(v));

/**
 * Choose a template, preview the exact email, approve: the mail filter sends it from the
 * councillor's account. `showReplies={false}` where the page lists the replies itself (a case).
 */
export function ReplyPanel({
  record,
  showReplies = true,
  onApproved,
  children,
}: {
  record: MailRecord;
  showReplies?: boolean;
  onApproved?: () => void;
  /** Shown under the heading (the case view's choice of message). */
  children?: ComponentChildren;
}) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [key, setKey] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? '{}') as Record<string, string>);
  const [override, setOverride] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [replies, setReplies] = useState<ReplyView[]>([]);
  const [status, setStatus] = useState('');

  const loadReplies = async () => {
    if (showReplies) setReplies((await api<{ replies: ReplyView[] }>(`/replies?recordId=${encodeURIComponent(record.id)}`)).replies);
  };
  useEffect(() => {
    setPreview(null);
    setStatus('');
    api<{ templates: Template[] }>('/templates')
      .then((r) => setTemplates(r.templates))
      .catch(() => undefined);
    void loadReplies().catch(() => undefined);
  }, [record.id]);

  const template = templates.find((t) => t.key === key);
  const body = () => ({
    recordId: record.id,
    templateKey: key,
    values: Object.fromEntries(Object.entries(values).filter(([k]) => template && usedVariables(template).includes(k))),
  });

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
      onApproved?.();
      await loadReplies();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : 'The reply was not approved.');
    }
  };

  const ttl = record.severity === 'threat_to_life';
  return (
    <section class="reply" aria-labelledby="reply-h">
      <h2 id="reply-h">Disengagement reply</h2>
      {children}
      {replies.length > 0 && (
        <ul class="replies">
          {replies.map((r) => (
            <li key={r.id}>
              {r.templateName ?? r.templateKey.replace(/_/g, ' ')} (version {r.templateVersion}) to {r.to}:{' '}
              <ReplyStatus reply={r} onChanged={() => void loadReplies().catch(() => undefined)} />
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
          <select
            value={key}
            onChange={(e) => {
              setKey((e.target as HTMLSelectElement).value);
              setPreview(null);
            }}
          >
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

/**
 * A reply's state, who approved it and when. A reply left `sending` (the filter died
 * mid-send) may or may not have gone: the officer checks the councillor's Sent folder, and
 * once the filter cannot still be sending it, may mark it not sent so a new one can be approved.
 */
export function ReplyStatus({ reply, onChanged }: { reply: ReplyView; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const markFailed = async (e: Event) => {
    e.preventDefault();
    try {
      await api(`/replies/${encodeURIComponent(reply.id)}/mark-failed`, { method: 'POST', json: { note: note.trim() } });
      onChanged();
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'The reply could not be marked as not sent.');
    }
  };
  const [reason, setReason] = useState('');
  const withdraw = async (e: Event) => {
    e.preventDefault();
    try {
      await api(`/replies/${encodeURIComponent(reply.id)}/withdraw`, { method: 'POST', json: { reason: reason.trim() } });
      onChanged();
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'The reply could not be withdrawn.');
    }
  };
  const noteId = `not-sent-${reply.id}`;
  const reasonId = `withdraw-${reply.id}`;
  return (
    <div class="reply-status" data-state={reply.state}>
      <strong>{reply.state}</strong> · approved by {reply.approvedByName ?? 'an officer'} {when(reply.approvedAt)}
      {(reply.state === 'sent' || reply.state === 'failed' || reply.state === 'withdrawn') && (
        <>
          {' '}
          · {reply.state} {when(reply.finishedAt)}
        </>
      )}
      {reply.overrideReason && <div>Reason for replying: {reply.overrideReason}</div>}
      {reply.detail && <div class="hint">{reply.detail}</div>}
      {reply.state === 'approved' && (
        <form class="withdraw" onSubmit={withdraw}>
          <label for={reasonId}>Approved by mistake? Withdraw it before the mail filter sends it: why</label>
          <textarea id={reasonId} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={reason.trim().length < 5}>
            Withdraw this reply
          </button>
        </form>
      )}
      {reply.state === 'sending' && (
        <div class="notice" role="note">
          Sending since {when(reply.claimedAt)} — check the councillor’s Sent folder before re-approving.{' '}
          {reply.stuck ? (
            <form class="not-sent" onSubmit={markFailed}>
              <label for={noteId}>If it is not there: what you found</label>
              <textarea id={noteId} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
              <button type="submit" disabled={note.trim().length < 5}>
                Mark as not sent
              </button>
            </form>
          ) : (
            <>The mail filter may still be sending it: from {when(reply.stuckFrom)}, if it is not there, you can mark it as not sent here (reload the page).</>
          )}
        </div>
      )}
      {status && (
        <div class="error" role="alert">
          {status}
        </div>
      )}
    </div>
  );
}

/** A reply from a case: to one of its emails, the most recently received unless the officer picks another. */
export function CaseReplyPanel({ records, onApproved }: { records: MailRecord[]; onApproved: () => void }) {
  const [recordId, setRecordId] = useState(records[0]?.id ?? '');
  const record = records.find((r) => r.id === recordId) ?? records[0];
  if (!record) return null;
  const describe = (r: MailRecord) => `${r.exhibitRef}: ${r.from} — ${r.subject || '(no subject)'}, received ${when(r.receivedAt)}`;
  return (
    <ReplyPanel record={record} showReplies={false} onApproved={onApproved}>
      {records.length > 1 ? (
        <label class="reply-to">
          Message to reply to
          <select value={record.id} onChange={(e) => setRecordId((e.target as HTMLSelectElement).value)}>
            {records.map((r) => (
              <option key={r.id} value={r.id}>
                {describe(r)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>
          In reply to <a href={href('message', record.id)}>{describe(record)}</a>
        </p>
      )}
    </ReplyPanel>
  );
}
