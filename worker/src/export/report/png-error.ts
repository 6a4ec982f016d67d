/** Why an image could not be printed; the message is printed in the report. */
export class ImageError extends Error {
  override name = 'ImageError';
}
