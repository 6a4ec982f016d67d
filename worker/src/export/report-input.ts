import type { PackIndexEntry, PackPublicKey } from '@wardguard/shared';
import type { ReportInput } from './report/index.ts';
import type { PackModel } from './pack-model.ts';

export type { ReportInput };
export type RenderReport = (input: ReportInput) => Promise<Uint8Array>;

// The annotated full page carries URL and UTC time on the image itself, so it is the one to print.
const IMAGE_PREFERENCE = ['full-page-annotated.png', 'viewport.png', 'post.png'];

export function reportFor(
  model: PackModel,
  exhibits: PackIndexEntry[],
  pack: { packId: string; createdAt: string; createdBy: string; publicKey: PackPublicKey },
  bucket: R2Bucket,
): ReportInput {
  const { record } = model;
  const councillorIds = [...new Set(model.items.map((i) => i.councillorId))];
  const councillor = councillorIds.length === 1 ? model.users.get(councillorIds[0]!) : undefined;
  const police = record.variant === 'police';
  const byId = new Map(model.items.map((i) => [i.id, i]));
  return {
    packId: pack.packId,
    variant: record.variant,
    platform: record.platform,
    createdAt: pack.createdAt,
    createdBy: pack.createdBy,
    recipient: record.recipient,
    council: { name: model.council.name },
    councillor: councillor ? { name: councillor.name } : null,
    scope: { kind: record.scope.kind, title: record.scope.title },
    caseInfo: model.caseInfo ? { title: model.caseInfo.title, status: model.caseInfo.status, policeReference: police ? model.caseInfo.policeReference : null } : null,
    publicKey: { fingerprint: pack.publicKey.fingerprint, raw: pack.publicKey.raw },
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
            ? [{ exhibitRef: item.exhibitRef, occurredAt: latest.occurredAt, whatHappened: latest.whatHappened, impact: latest.impact, versions: versions.length, editedAt: latest.editedAt }]
            : [];
        })
      : [],
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
  };
}
