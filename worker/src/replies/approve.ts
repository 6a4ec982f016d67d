import { WardguardError, type TemplateKey, type TemplateValues } from '@wardguard/shared';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { getRecord } from '../db/mail-records.ts';
import { getUser } from '../db/users.ts';
import { currentTemplate } from '../db/reply-templates.ts';
import { getCouncil } from '../db/councils.ts';
import { insertReplyStatement, recentReply } from '../db/replies.ts';
import { appendGuarded, isLostRace } from '../db/write-guard.ts';
import { readConfig } from '../config.ts';
import { composeReply, type ComposedReply } from './compose.ts';

export interface ReplyDraft {
  recordId: string;
  templateKey: TemplateKey;
  values: TemplateValues;
}

/** The reply a template would give for a message, filled in with the councillor's and council's names. */
export async function draftReply(env: Bindings, p: Principal, draft: ReplyDraft): Promise<{ record: MailRecordView; reply: ComposedReply }> {
  const record = await getRecord(env.DB, p.councilId, draft.recordId);
  if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  const template = await currentTemplate(env.DB, p.councilId, draft.templateKey);
  if (!template) throw new WardguardError('NOT_FOUND', 'No such template.');
  const councillor = await getUser(env.DB, p.councilId, record.councillorId);
  const council = await getCouncil(env.DB, p.councilId);
  const reply = composeReply(
    record,
    template,
    { councillorName: councillor?.name ?? 'your councillor', councilName: council?.name ?? readConfig(env).councilName, at: new Date() },
    draft.values,
  );
  return { record, reply };
}

/**
 * An officer approves a reply for the mail filter to send. A possible threat to life, or a
 * sender the council has disengaged from, needs a written override reason. Returns the new
 * reply's id.
 */
export async function approveReply(env: Bindings, p: Principal, draft: ReplyDraft, overrideReason: string | null): Promise<string> {
  const { record, reply } = await draftReply(env, p, draft);
  if (record.severity === 'threat_to_life' && !overrideReason) {
    throw new WardguardError(
      'THREAT_REPLY_REFUSED',
      'This message may be a threat to life: replying needs an override with a written reason (police advice is often not to respond).',
    );
  }
  if (record.noReplyNeeded && !overrideReason) {
    throw new WardguardError(
      'SENDER_DISENGAGED',
      'The council has disengaged from this sender: their mail needs no reply. Give a written reason to reply anyway.',
    );
  }
  return recordApproval(env, p, record, reply, overrideReason);
}

/**
 * Puts an approved reply on the record with its custody event, one per sender per template
 * per period. The early check gives a clear date; the insert re-checks in the same statement,
 * so a second approval racing the first is refused too, with nothing recorded for it.
 */
export async function recordApproval(
  env: Bindings,
  p: Principal,
  record: MailRecordView,
  reply: ComposedReply,
  overrideReason: string | null,
): Promise<string> {
  const days = readConfig(env).replyPeriodDays;
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const tooSoon = (when: string) =>
    new WardguardError('REPLY_TOO_SOON', `This sender already got the "${reply.templateKey}" reply ${when}; one per ${days} days.`);
  const earlier = await recentReply(env.DB, p.councilId, reply.to, reply.templateKey, since);
  if (earlier) throw tooSoon(`on ${earlier.approvedAt.slice(0, 10)}`);
  const { id, at, stmt } = insertReplyStatement(env.DB, p.councilId, record.id, record.mailbox, reply, p.userId, overrideReason, since);
  await appendGuarded(
    env.DB,
    {
      councilId: p.councilId,
      actorId: p.userId,
      action: 'reply_approved',
      itemId: record.itemId,
      at,
      details: { replyId: id, templateKey: reply.templateKey, templateVersion: reply.templateVersion, to: reply.to, overrideReason },
    },
    stmt,
  ).catch((err: unknown) => {
    if (isLostRace(err)) throw tooSoon('a moment ago (approved at the same time)');
    throw err;
  });
  return id;
}
