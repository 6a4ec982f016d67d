import type { ReplyView } from '@wardguard/shared';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { EvidenceItem, MailRecord, Perpetrator } from '../lib/types.ts';
import { ReplyStatus } from './reply-panel.tsx';

const KIND: Record<EvidenceItem['kind'], string> = { web_capture: 'Web capture', email: 'Email', upload: 'File', diary: 'Diary entry' };

type Entry = { at: string; item: EvidenceItem } | { at: string; reply: ReplyView };

/**
 * Incidents in the order they happened, whatever channel they came through, and the
 * council's replies to them (officers only: `replies` holds them, `records` the emails they answer).
 */
export function Timeline({
  items,
  perpetrators,
  replies = [],
  records = [],
  onReplyChanged = () => undefined,
}: {
  items: EvidenceItem[];
  perpetrators: Map<string, Perpetrator>;
  replies?: ReplyView[];
  records?: MailRecord[];
  onReplyChanged?: () => void;
}) {
  const entries: Entry[] = [...items.map((item) => ({ at: item.capturedAt, item })), ...replies.map((reply) => ({ at: reply.approvedAt, reply }))];
  entries.sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return <p>No evidence yet.</p>;
  const answered = new Map(records.map((r) => [r.id, r]));
  return (
    <ol class="timeline">
      {entries.map((e) => {
        if ('reply' in e) {
          const r = e.reply;
          const record = answered.get(r.recordId);
          return (
            <li key={r.id} class="kind-reply" data-reply-id={r.id}>
              <span class="kind">Reply</span> <time dateTime={r.approvedAt}>{when(r.approvedAt)}</time>
              {record && (
                <>
                  {' '}
                  · to <a href={href('message', record.id)}>{record.exhibitRef}</a>
                </>
              )}
              <div class="title">
                {r.templateName ?? r.templateKey.replace(/_/g, ' ')} (version {r.templateVersion}) to {r.to}
              </div>
              <ReplyStatus reply={r} onChanged={onReplyChanged} />
            </li>
          );
        }
        const i = e.item;
        const url = typeof i.metadata.url === 'string' ? i.metadata.url : null;
        const perp = i.perpetratorId ? perpetrators.get(i.perpetratorId) : undefined;
        return (
          <li key={i.id} class={`kind-${i.kind}`}>
            <span class="kind">{KIND[i.kind]}</span> <time dateTime={i.capturedAt}>{when(i.capturedAt)}</time> · <strong>{i.exhibitRef}</strong>
            <div class="title">{i.title}</div>
            {url && <div class="url">{url}</div>}
            {perp && (
              <div>
                From <a href={href('perpetrators', perp.id)}>{perp.displayName}</a>
              </div>
            )}
            <div class="files">{i.artifacts.map((a) => a.name).join(', ')}</div>
            <div>
              {i.kind === 'diary' && (
                <>
                  <a href={href('diary', i.id)}>Diary entry and its versions</a> ·{' '}
                </>
              )}
              <a href={href('custody', i.id)}>Custody log of {i.exhibitRef}</a>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
