import { REPLY_STUCK_AFTER_MS, WardguardError, type ReplyView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { claimStatement, finishStatement, getReply, markFailedStatement, withdrawStatement } from '../db/replies.ts';
import { conflictOnLostRace, isLostRace } from '../db/write-guard.ts';
import { appendRecordEvent } from '../custody/record-event.ts';
import { now } from '../db/ids.ts';

// An approved reply moves approved → sending (claimed) → sent | failed, or approved → withdrawn.
// Each step is a guarded update and its custody event in one transaction; the loser of a race
// changes nothing. Each function returns the reply as it now stands.

async function findReply(env: Bindings, p: Principal, id: string): Promise<ReplyView> {
  const reply = await getReply(env.DB, p.councilId, id);
  if (!reply) throw new WardguardError('NOT_FOUND', 'No such reply.');
  return reply;
}

/**
 * A filter that died mid-send leaves the reply `sending` for good. Once it cannot still be in
 * the SMTP transaction, an officer who found no copy in the councillor's Sent folder may say
 * it did not go, so that a new reply can be approved.
 */
export async function markReplyFailed(env: Bindings, p: Principal, id: string, note: string): Promise<ReplyView | null> {
  const reply = await findReply(env, p, id);
  if (reply.state !== 'sending') throw new WardguardError('CONFLICT', `This reply is ${reply.state}; only a reply stuck sending can be marked not sent.`);
  if (!reply.stuck) throw new WardguardError('CONFLICT', `The mail filter may still be sending this reply; it can be marked not sent from ${reply.stuckFrom}.`);
  await appendRecordEvent(env, p, reply.recordId, 'reply_marked_failed', { replyId: reply.id, claimedAt: reply.claimedAt, note }, (at) =>
    markFailedStatement(
      env.DB,
      reply.id,
      at,
      new Date(Date.now() - REPLY_STUCK_AFTER_MS).toISOString(),
      `Marked not sent by ${p.name}: ${note}`.slice(0, 2000),
    ),
  ).catch(conflictOnLostRace('The reply changed meanwhile; reload it.'));
  return getReply(env.DB, p.councilId, reply.id);
}

/**
 * Approved by mistake (the wrong template, a sender the police now say to leave alone): an
 * officer may take it back until the mail filter has claimed it. After that it may already
 * be on its way, so only the filter's report says what happened.
 */
export async function withdrawReply(env: Bindings, p: Principal, id: string, reason: string): Promise<ReplyView | null> {
  const reply = await findReply(env, p, id);
  const tooLate = (state: string) => new WardguardError('CONFLICT', `This reply is ${state}; only a reply the mail filter has not yet taken can be withdrawn.`);
  if (reply.state !== 'approved') throw tooLate(reply.state);
  await appendRecordEvent(env, p, reply.recordId, 'reply_withdrawn', { replyId: reply.id, reason }, (at) =>
    withdrawStatement(env.DB, reply.id, at, `Withdrawn by ${p.name}: ${reason}`.slice(0, 2000)),
  ).catch(async (err: unknown) => {
    if (!isLostRace(err)) throw err;
    throw tooLate((await getReply(env.DB, p.councilId, reply.id))?.state ?? 'gone');
  });
  return getReply(env.DB, p.councilId, reply.id);
}

/** The mail filter claims an approved reply before sending it. */
export async function claimReply(env: Bindings, p: Principal, id: string): Promise<ReplyView | null> {
  const reply = await findReply(env, p, id);
  const res = await claimStatement(env.DB, reply.id, now()).run();
  // Claimed before (perhaps by this filter before a restart): it may already have gone, so never again.
  if (!res.meta.changes) throw new WardguardError('REPLY_ALREADY_CLAIMED', `This reply is ${reply.state}; it is sent at most once.`);
  return getReply(env.DB, p.councilId, reply.id);
}

export interface SendResult {
  outcome: 'sent' | 'failed';
  smtpMessageId?: string | undefined;
  detail?: string | undefined;
}

/**
 * The mail filter reports whether a claimed reply went. Reporting the same outcome again is a
 * no-op; a reply marked not sent that did go after all is recorded as sent, with the earlier note.
 */
export async function recordSendResult(env: Bindings, p: Principal, id: string, body: SendResult): Promise<ReplyView | null> {
  const reply = await findReply(env, p, id);
  if (reply.state === body.outcome) return reply;
  const late = reply.state === 'failed' && body.outcome === 'sent';
  if (reply.state !== 'sending' && !late) throw new WardguardError('CONFLICT', `This reply is ${reply.state}, not being sent.`);
  await appendRecordEvent(
    env,
    p,
    reply.recordId,
    body.outcome === 'sent' ? 'reply_sent' : 'reply_failed',
    { replyId: reply.id, smtpMessageId: body.smtpMessageId ?? null, detail: body.detail ?? null, ...(late ? { after: reply.detail } : {}) },
    (at) => finishStatement(env.DB, reply.id, body.outcome, at, body.smtpMessageId ?? null, body.detail ?? null),
  ).catch(async (err: unknown) => {
    if (!isLostRace(err)) throw err;
    const current = await getReply(env.DB, p.councilId, reply.id);
    if (current?.state !== body.outcome) throw new WardguardError('CONFLICT', `This reply is ${current?.state ?? 'gone'}, not being sent.`);
  });
  return getReply(env.DB, p.councilId, reply.id);
}
