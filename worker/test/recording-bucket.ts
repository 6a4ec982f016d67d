/**
 * An R2 bucket that notes every multipart upload started through it, so a test can check that
 * none was left open: R2's Worker binding cannot list unfinished uploads. It notes each put
 * as it starts, too, to show when a file began going to R2.
 */
export function recordingBucket(bucket: R2Bucket) {
  const uploads: { key: string; uploadId: string }[] = [];
  const puts: string[] = [];
  const wrapped = new Proxy(bucket, {
    get(target, prop) {
      if (prop === 'put') {
        return (key: string, ...rest: [Parameters<R2Bucket['put']>[1], R2PutOptions?]) => {
          puts.push(key);
          return target.put(key, ...rest);
        };
      }
      if (prop === 'createMultipartUpload') {
        return async (key: string, options?: R2MultipartOptions) => {
          const upload = await target.createMultipartUpload(key, options);
          uploads.push({ key, uploadId: upload.uploadId });
          return upload;
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    bucket: wrapped,
    uploads,
    puts,
    /** Uploads that still take parts: neither aborted nor completed. */
    async openUploads(): Promise<string[]> {
      const open: string[] = [];
      for (const u of uploads) {
        const took = await bucket
          .resumeMultipartUpload(u.key, u.uploadId)
          .uploadPart(1, new Uint8Array(1))
          .then(
            () => true,
            () => false,
          );
        if (took) open.push(u.key);
      }
      return open;
    },
  };
}
