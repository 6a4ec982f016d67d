// Keys never contain client-supplied names: names live in D1 and only ids reach R2.
export const artifactKey = (councilId: string, itemId: string, artifactId: string): string => `evidence/${councilId}/${itemId}/${artifactId}`;
