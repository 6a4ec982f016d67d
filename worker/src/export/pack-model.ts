import { WardguardError, type CaseView, type CustodyEventView, type DiaryVersionView, type PerpetratorView, type UserView } from '@wardguard/shared';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { getCase } from '../db/cases.ts';
import { getCouncil } from '../db/councils.ts';
import { mailDecisionsForItems } from '../db/custody-mail.ts';
import { versionsForItems } from '../db/diary.ts';
import { itemsByIds, type PackItem } from '../db/evidence.ts';
import type { ExportRecord } from '../db/exports.ts';
import { recordsForItems } from '../db/mail-records.ts';
import { perpetratorsByIds } from '../db/perpetrators.ts';
import { listUsers } from '../db/users.ts';

/** Everything a pack is made from, read once before the first byte is sent. */
export interface PackModel {
  record: ExportRecord;
  council: { id: string; name: string };
  caseInfo: CaseView | null;
  items: PackItem[];
  mailByItem: Map<string, MailRecordView>;
  perpetrators: Map<string, PerpetratorView>;
  users: Map<string, UserView>;
  diary: Map<string, DiaryVersionView[]>;
  /** Officers' decisions and escalations on each email item, from the custody log (police packs only). */
  mailDecisions: Map<string, CustodyEventView[]>;
}

export async function loadPackModel(db: D1Database, councilId: string, record: ExportRecord): Promise<PackModel> {
  const council = await getCouncil(db, councilId);
  if (!council) throw new WardguardError('NOT_FOUND', 'No such council.');
  const items = await itemsByIds(db, councilId, record.itemIds);
  if (items.length !== record.itemIds.length) {
    // Items are never deleted, so this means the export row and the store disagree: refuse rather than ship a partial pack.
    throw new WardguardError('PACK_INTEGRITY', 'Some exhibits of this export can no longer be found; nothing was sent.');
  }
  const perpIds = [...new Set(items.flatMap((i) => (i.perpetratorId ? [i.perpetratorId] : [])))];
  const emailIds = items.filter((i) => i.kind === 'email').map((i) => i.id);
  const [mail, perps, users, diary, caseInfo, mailDecisions] = await Promise.all([
    recordsForItems(db, councilId, emailIds),
    perpetratorsByIds(db, councilId, perpIds),
    listUsers(db, councilId),
    record.variant === 'police'
      ? versionsForItems(
          db,
          items.filter((i) => i.kind === 'diary').map((i) => i.id),
        )
      : Promise.resolve(new Map<string, DiaryVersionView[]>()),
    record.scope.kind === 'case' && record.scope.id ? getCase(db, councilId, record.scope.id) : Promise.resolve(null),
    record.variant === 'police' ? mailDecisionsForItems(db, councilId, emailIds) : Promise.resolve(new Map<string, CustodyEventView[]>()),
  ]);
  return {
    record,
    council: { id: council.id, name: council.name },
    caseInfo,
    items,
    mailByItem: new Map(mail.map((m) => [m.itemId, m])),
    perpetrators: new Map(perps.map((p) => [p.id, p])),
    users: new Map(users.map((u) => [u.id, u])),
    diary,
    mailDecisions,
  };
}
