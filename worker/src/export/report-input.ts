import { WardguardError, type PackIndexEntry, type PackPublicKey } from '@wardguard/shared';
import { emailNotesFor } from './email-notes.ts';
import { emailBodyText } from './email-text.ts';
import { packScope } from './platform-scope.ts';
import type { ReportInput } from './report/index.ts';
import type { PackModel } from './pack-model.ts';
import type { VerifyLinks } from './readme.ts';

export type { ReportInput };
export type RenderReport = (input: ReportInput) => Promise<Uint8Array>;

// The annotated full page carries URL and UTC time on the image itself, so it is the one to print.
const IMAGE_PREFERENCE = ['full-page-annotated.png', 'viewport.png', 'post.png'];

export function reportFor(
  model: PackModel,
  exhibits: PackIndexEntry[],
  pack: { packId: string; createdAt: string; createdBy: string; publicKey: PackPublicKey },
  bucket: R2Bucket,
  links: VerifyLinks,
): ReportInput {
  const { record } = model;
  const councillorIds = [...new Set(model.items.map((i) => i.councillorId))];
  const councillor = councillorIds.length === 1 ? model.users.get(councillorIds[0]!) : undefined;
  const police = record.variant === 'police';
  const byId = new Map(model.items.map((i) => [i.id, i]));
  const scope = packScope(record);
  return {
    packId: pack.packId,
    variant: record.variant,
    platform: record.platform,
    createdAt: pack.createdAt,
    createdBy: pack.createdBy,
    recipient: record.recipient,
    council: { name: model.council.name },
    councillor: councillor ? { name: councillor.name } : null,
    scope: { kind: scope.kind, title: scope.title },
    // A case title can name a suspect ("Harassment by ..."): a platform pack does not carry it.
    caseInfo: model.caseInfo && police ? { title: model.caseInfo.title, status: model.caseInfo.status, policeReference: model.caseInfo.policeReference } : null,
    publicKey: { fingerprint: pack.publicKey.fingerprint, raw: pack.publicKey.raw },
    keyUrl: links.keyUrl,
    verifyUrl: links.verifyUrl,
    exhibits,
    // A platform pack carries no internal attribution: the council's perpetrator records stay home.
    perpetrators: police
      ? [...model.perpetrators.values()].map((p) => ({
          id: p.id,
          displayName: p.displayName,
          aliases: p.aliases,
          handles: p.handles.map((h) => [h.platform, h.handle, h.accountId && `id ${h.accountId}`].filter(Boolean).join(' ')),
          emails: p.emails,
        }))
      : [],
    diary: police
      ? model.items.flatMap((item) => {
          const versions = model.diary.get(item.id);
          const latest = versions?.[versions.length - 1];
          return item.kind === 'diary' && latest
            ? [
                {
                  exhibitRef: item.exhibitRef,
                  occurredAt: latest.occurredAt,
                  whatHappened: latest.whatHappened,
                  impact: latest.impact,
                  versions: versions.length,
                  editedAt: latest.editedAt,
                },
              ]
            : [];
        })
      : [],
    emails: emailNotesFor(model),
    loadImage: async (entry) => {
      const item = byId.get(entry.itemId);
      const pick =
        IMAGE_PREFERENCE.map((n) => item?.stored.find((a) => a.name === n)).find(Boolean) ??
        item?.stored.find((a) => a.mediaType === 'image/png' || a.mediaType === 'image/jpeg');
      if (!pick) return null;
      const obj = await bucket.get(pick.r2Key);
      if (!obj) return null;
      return { bytes: new Uint8Array(await obj.arrayBuffer()), mediaType: pick.mediaType === 'image/jpeg' ? 'image/jpeg' : 'image/png' };
    },
    loadEmailText: async (entry) => {
      const eml = byId.get(entry.itemId)?.stored.find((a) => a.mediaType === 'message/rfc822' || a.name.toLowerCase().endsWith('.eml'));
      if (!eml) return null;
      const obj = await bucket.get(eml.r2Key);
      // The report names the file instead; the ZIP stream will refuse the pack for the same reason.
      if (!obj) throw new WardguardError('PACK_INTEGRITY', `${entry.exhibitRef}: the stored message is missing.`);
      return emailBodyText(await obj.arrayBuffer());
    },
  };
}
