export interface Bindings {
  DB: D1Database;
  EVIDENCE: R2Bucket;
  COUNCIL_NAME: string;
  MAX_BUNDLE_BYTES: string;
  MAX_ARTIFACT_BYTES: string;
}
export type AppEnv = { Bindings: Bindings };
