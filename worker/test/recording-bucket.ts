/**
 * An R2 bucket that notes every multipart upload started through it, so a test can check that
 * none was left open: R2's Worker binding cannot list unfinished uploads.
 */
export function recordingBucket(bucket: R2Bucket) {
  const uploads: { key: string; uploadId: string }[] = [];
  const wrapped = new Proxy(bucket, {
    get(target, prop) {
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
