import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { bytes, when } from '../lib/format.ts';
import type { MailMessageSource, MailMessageView } from '@wardguard/shared/api/mail-message';
import type { MailRecord, MailRecordStatus } from '../lib/types.ts';
import { SeverityBadge } from '../components/severity-badge.tsx';
import { HighlightedText } from '../components/highlighted-text.tsx';
import { SafeHtmlFrame } from '../components/safe-html-frame.tsx';
import { DecisionPanel } from '../components/decision-panel.tsx';
import { ReplyPanel } from '../components/reply-panel.tsx';
import { PerpetratorSuggestions } from '../components/perpetrator-suggestions.tsx';
import { ErrorNote } from '../components/error-note.tsx';

const STATUS_POLL_MS = 2000;

export function MessageView({ id }: { id: string }) {
  const [record, setRecord] = useState<MailRecord | null>(null);
  const [mail, setMail] = useState<MailMessageSource | null>(null);
  const [error, setError] = useState('');
  const [showHtml, setShowHtml] = useState(false);

  // The record and its original, parsed by the Worker, in one request and one custody event.
  const loadMessage = () =>
    api<MailMessageView>(`/mail/records/${encodeURIComponent(id)}/message`)
      .then((view) => {
        setRecord(view.record);
        setMail(view.source);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the message.'));

  useEffect(() => {
    setRecord(null);
    setMail(null);
    setShowHtml(false);
    void loadMessage();
  }, [id]);

  // Where a decision has got to, from the light status endpoint: unlike opening the record
  // again, it is not a custody event, so waiting for the filter does not flood the log.
  const refreshStatus = () =>
    api<MailRecordStatus>(`/mail/records/${encodeURIComponent(id)}/status`)
      .then((st) => setRecord((r) => (r && r.id === st.id ? { ...r, ...st } : r)))
      .catch(() => undefined);

  useEffect(() => {
    if (!record || record.state === 'quarantined' || record.actionOutcome) return;
    const t = setInterval(refreshStatus, STATUS_POLL_MS);
    return () => clearInterval(t);
  }, [record?.id, record?.state, record?.actionOutcome]);

  // Decision shortcuts anywhere on the page (not only once focus is inside the article). A key
  // only opens its decision for confirmation; it never decides by itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (
        ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) ||
        target.isContentEditable ||
        document.querySelector('dialog[open]') ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey
      )
        return;
      const button = document.querySelector<HTMLButtonElement>(`.decision button[data-key="${CSS.escape(e.key)}"]`);
      if (button && !button.disabled) {
        e.preventDefault();
        button.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (error) return <ErrorNote message={error} />;
  if (!record) return <p>Loading…</p>;
  const spans = record.verdict.evidence ?? [];
  return (
    <article class="message">
      <p>
        <a href="#/queue">← Back to the queue</a>
      </p>
      <h1>{record.subject || '(no subject)'}</h1>
      <p>
        <SeverityBadge severity={record.severity} /> Exhibit <strong>{record.exhibitRef}</strong>
      </p>
      {record.threatAlert && (
        <p class="notice" role="note" data-alert-ack={record.threatAlert.acknowledgedAt ? 'yes' : 'no'}>
          Threat-to-life alert raised {when(record.threatAlert.raisedAt)}:{' '}
          {record.threatAlert.acknowledgedAt ? (
            <>
              acknowledged by {record.threatAlert.acknowledgedByName ?? 'an officer'} at {when(record.threatAlert.acknowledgedAt)}.
            </>
          ) : (
            <>not yet acknowledged.</>
          )}
        </p>
      )}
      <dl class="headers">
        <dt>From</dt>
        <dd>{record.from}</dd>
        <dt>To</dt>
        <dd>{record.to}</dd>
        <dt>Sent</dt>
        <dd>{when(record.sentAt)}</dd>
        <dt>Received</dt>
        <dd>{when(record.receivedAt)}</dd>
        <dt>Mailbox</dt>
        <dd>{record.mailbox}</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{record.messageId}</code>
        </dd>
      </dl>
      {record.original && (
        // A message too large to file whole: the exhibit is its reduced copy; this is the whole message.
        <p class="notice" role="note" data-original="stored">
          Original kept in storage ({bytes(record.original.size)}, SHA-256 <code>{record.original.sha256}</code>):{' '}
          <a href={`/api/v1/mail/records/${encodeURIComponent(record.id)}/original`} download="original.eml">
            download the original message
          </a>
          .
        </p>
      )}
      {record.unreadable && (
        <p class="notice" role="note">
          The filter could not read this message ({record.unreadable}), so it was sent for human review.
        </p>
      )}
      <section aria-labelledby="why-h">
        <h2 id="why-h">Why it was flagged</h2>
        {spans.length === 0 ? (
          <p>No phrase was matched{record.verdict.categories.length ? `; categories: ${record.verdict.categories.join(', ')}` : ''}.</p>
        ) : (
          <ul class="reasons">
            {spans.map((s, i) => (
              <li key={i}>
                <mark class={`cat-${s.category}`}>{s.phrase}</mark> — {s.category.replace(/_/g, ' ')} ({s.rule ?? s.source}
                {s.field === 'subject' ? ', in the subject' : ''})
              </li>
            ))}
          </ul>
        )}
        <p class="hint">Classifier {record.verdict.version}</p>
      </section>
      <PerpetratorSuggestions itemId={record.itemId} linkedTo={null} />
      <DecisionPanel record={record} onDecided={setRecord} />
      <ReplyPanel record={record} />
      <section aria-labelledby="text-h">
        <h2 id="text-h">Message</h2>
        {!mail ? (
          <p>Reading the original message…</p>
        ) : (
          <>
            <HighlightedText text={mail.text || '(no plain-text part)'} spans={spans} />
            {mail.html && (
              <p>
                <button type="button" aria-expanded={showHtml} onClick={() => setShowHtml(!showHtml)}>
                  {showHtml ? 'Hide the sanitised HTML view' : 'Show the sanitised HTML view'}
                </button>
              </p>
            )}
            {showHtml && mail.html && <SafeHtmlFrame html={mail.html} />}
            <h3>Attachments</h3>
            {mail.attachments.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul class="attachments">
                {mail.attachments.map((a, i) => (
                  <li key={i}>
                    {a.filename} — {a.mimeType}, {bytes(a.size)} (not opened; download the exhibit to examine it offline)
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary>All headers and the Received chain</summary>
              <table class="raw-headers">
                <tbody>
                  {mail.headers.map((h, i) => (
                    <tr key={i}>
                      <th scope="row">{h.key}</th>
                      <td>{h.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>
    </article>
  );
}
