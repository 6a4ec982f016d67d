import { WardguardError } from '@wardguard/shared';

export type MultipartEntry = [name: string, value: File | string];

/**
 * Parses an already size-limited multipart/form-data body into its parts, in order.
 * `expected` says what the caller wanted, for the error a non-multipart body gets.
 */
export async function readMultipart(body: Uint8Array, contentType: string, expected: string): Promise<MultipartEntry[]> {
  if (!/^multipart\/form-data;/i.test(contentType)) throw new WardguardError('EXPECTED_MULTIPART', `Send multipart/form-data with ${expected}.`);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new WardguardError('MALFORMED_MULTIPART', 'The multipart body could not be parsed.');
  }
  // workers-types declares FormData values as strings only; file parts are Files at run time.
  return [...(form.entries() as unknown as Iterable<MultipartEntry>)];
}
