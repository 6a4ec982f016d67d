import { sha256Hex, WardguardError } from '@wardguard/shared';
import { fileMailSchema, type FileMail } from '@wardguard/shared/api/mail';
import { describeIssues } from '../http/read-json.ts';
import { readMultipart } from '../http/read-multipart.ts';

export interface VerifiedFiling {
  mail: FileMail;
  eml: Uint8Array;
}

/**
 * Reads a filing (multipart: `record` JSON + `eml` file) and checks that the bytes are
 * the ones the filter hashed: the .eml is evidence and must arrive byte-for-byte. For a
 * reduced filing (`record.reduced`) those are the reduced copy's bytes.
 */
export async function parseFiling(body: Uint8Array, contentType: string, maxEmlBytes: number): Promise<VerifiedFiling> {
  const entries = await readMultipart(body, contentType, 'a "record" part and an "eml" file part');
  const recordPart = entries.find(([k]) => k === 'record')?.[1];
  const emlPart = entries.find(([k]) => k === 'eml')?.[1];
  if (recordPart === undefined) throw new WardguardError('VALIDATION_FAILED', 'record: required');
  if (emlPart === undefined || typeof emlPart === 'string') throw new WardguardError('MISSING_FILE', 'eml: send the message as a file part.');
  let raw: unknown;
  try {
    raw = JSON.parse(typeof recordPart === 'string' ? recordPart : await recordPart.text());
  } catch {
    throw new WardguardError('INVALID_JSON', 'record: not valid JSON.');
  }
  const parsed = fileMailSchema.safeParse(raw);
  if (!parsed.success) throw new WardguardError('VALIDATION_FAILED', describeIssues(parsed.error.issues), parsed.error.issues);
  const mail = parsed.data;
  if (emlPart.size > maxEmlBytes) throw new WardguardError('ARTIFACT_TOO_LARGE', `The message is ${emlPart.size} bytes; the limit is ${maxEmlBytes}.`);
  const eml = new Uint8Array(await emlPart.arrayBuffer());
  // A reduced copy is checked against its own hash; the record's source hash names the original.
  const declared = mail.reduced ? { size: mail.reduced.emlSize, sha256: mail.reduced.emlSha256 } : { size: mail.sourceSize, sha256: mail.sourceSha256 };
  if (eml.byteLength !== declared.size) throw new WardguardError('SIZE_MISMATCH', `eml: ${eml.byteLength} bytes received, ${declared.size} declared.`);
  const actual = await sha256Hex(eml);
  if (actual !== declared.sha256) throw new WardguardError('HASH_MISMATCH', `eml: SHA-256 is ${actual}, ${declared.sha256} declared.`);
  return { mail, eml };
}
