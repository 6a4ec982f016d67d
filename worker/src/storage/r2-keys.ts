// Keys never contain client-supplied names: names live in D1 and only ids reach R2.
export const artifactKey = (councilId: string, itemId: string, artifactId: string): string => `evidence/${councilId}/${itemId}/${artifactId}`;
/** The whole original of a message filed as a reduced copy (mail/original-upload.ts): one per record. */
export const originalKey = (councilId: string, itemId: string, recordId: string): string => `originals/${councilId}/${itemId}/${recordId}`;
