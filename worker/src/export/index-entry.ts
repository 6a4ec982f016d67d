import { exhibitDir, type PackIndexEntry, type PackIndexFile, type PackVariant } from '@wardguard/shared';
import type { PackItem } from '../db/evidence.ts';
import type { PackModel } from './pack-model.ts';

/** A generated diary exhibit: every version, so the edit history travels with the entry. */
export const DIARY_FILE = 'diary.json';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * One exhibit's row for index.json / index.csv and the report. Web captures read the
 * extension's metadata (as signed at capture); emails read the parsed headers.
 * A platform pack leaves out the council's own attribution to a perpetrator record.
 */
export function indexEntry(item: PackItem, model: PackModel, variant: PackVariant, diaryFile?: PackIndexFile): PackIndexEntry {
  const meta = item.metadata;
  const post = obj(meta.post);
  const browser = obj(meta.browser);
  const tool = obj(meta.extension);
  const local = obj(meta.capturedAtLocal);
  const replyTo = obj(post.replyTo);
  const mail = model.mailByItem.get(item.id);
  const perp = item.perpetratorId ? model.perpetrators.get(item.perpetratorId) : undefined;
  const dir = exhibitDir(item.exhibitRef);
  const files: PackIndexFile[] = item.stored.map((a) => ({ path: dir + a.name, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256 }));
  if (diaryFile) files.push(diaryFile);
  return {
    exhibitRef: item.exhibitRef,
    itemId: item.id,
    kind: item.kind,
    title: item.title,
    platform: str(post.platform),
    url: str(meta.url),
    canonicalUrl: str(meta.canonicalUrl),
    permalink: str(post.permalink),
    authorHandle: str(post.authorHandle),
    authorDisplayName: str(post.authorDisplayName),
    authorId: str(post.authorId),
    authorProfileUrl: str(post.authorProfileUrl),
    postId: str(post.postId),
    postText: str(post.postText),
    postTime: str(post.postTimestamp),
    postTimeText: str(post.postTimestampText),
    replyTo: str(replyTo.url) ?? str(replyTo.postId),
    capturedAt: item.capturedAt,
    captureTimeZone: str(local.timeZone),
    capturedBy: model.users.get(item.capturedBy)?.name ?? item.capturedBy,
    tool: tool.name ? `${String(tool.name)} ${String(tool.version ?? '')}`.trim() : item.kind === 'email' ? 'Wardguard mail filter' : null,
    userAgent: str(browser.userAgent),
    pageActions: Array.isArray(meta.pageActions) ? meta.pageActions.map(String) : [],
    perpetrator: variant === 'police' && perp ? { id: perp.id, displayName: perp.displayName } : null,
    email: mail
      ? {
          from: mail.from,
          to: mail.to.split(/,\s*/).filter(Boolean),
          date: mail.sentAt,
          subject: mail.subject,
          messageId: mail.messageId,
          receivedChain: mail.receivedChain,
        }
      : null,
    files,
  };
}
