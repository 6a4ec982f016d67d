import type { EvidenceView, Receipt } from '@wardguard/shared';

export function receiptFor(item: EvidenceView, duplicate: boolean): Receipt {
  return {
    itemId: item.id,
    exhibitRef: item.exhibitRef,
    serverTime: item.receivedAt,
    manifestSha256: item.manifestSha256,
    duplicate,
    signatureKeySha256: item.signatureKeySha256,
    artifacts: item.artifacts.map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256 })),
  };
}
