// The native build of zip.js: its fallback codecs are plain JavaScript, where the default
// build loads WebAssembly, which the dashboard's CSP does not allow.
import {
  configure,
  Reader,
  WARNING_APPENDED_DATA,
  WARNING_MISMATCHED_CENTRAL_DIRECTORY_OFFSET,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_BIT_FLAG,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_COMPRESSION_METHOD,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_CRC32_OR_SIZES,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_FILENAME,
  WARNING_MISMATCHED_ZIP64_END_OF_CENTRAL_DIRECTORY,
  WARNING_PREPENDED_CENTRAL_DIRECTORY,
  WARNING_PREPENDED_DATA,
  WARNING_TRAILING_CENTRAL_DIRECTORY_DATA,
  Writer,
  ZipReader,
  type Entry,
} from '@zip.js/zip.js/lib/zip-core-native.js';
import type { ByteSource } from './zip-source.ts';

/** One entry of the pack's ZIP, as the central directory lists it. */
export interface PackEntry {
  name: string;
  directory: boolean;
  /** Unzip tools on Unix create a link to wherever its contents point, not a file. */
  symlink: boolean;
  /** Uncompressed size as the central directory claims it; the bytes actually read are counted separately. */
  declaredSize: number;
  /**
   * Streams the entry's bytes to `onChunk`, waiting for each call. Returns the ways its
   * local header disagrees with the central directory (what a streaming unzip tool reads).
   */
  read(onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<{ ambiguities: string[] }>;
}

export interface OpenedZip {
  entries: PackEntry[];
  /** Reasons the archive could be read differently by another unzip tool. */
  ambiguities: string[];
}

// Archive-level warnings that mean another tool could list different files or bytes.
const AMBIGUOUS_ARCHIVE = new Set([
  WARNING_APPENDED_DATA,
  WARNING_PREPENDED_DATA,
  WARNING_PREPENDED_CENTRAL_DIRECTORY,
  WARNING_TRAILING_CENTRAL_DIRECTORY_DATA,
  WARNING_MISMATCHED_CENTRAL_DIRECTORY_OFFSET,
  WARNING_MISMATCHED_ZIP64_END_OF_CENTRAL_DIRECTORY,
]);
// Entry-level: the local header (what streaming unzip tools read) disagrees with the central directory.
const AMBIGUOUS_ENTRY = new Set([
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_FILENAME,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_BIT_FLAG,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_COMPRESSION_METHOD,
  WARNING_MISMATCHED_LOCAL_FILE_HEADER_CRC32_OR_SIZES,
]);

class SourceReader extends Reader<ByteSource> {
  constructor(private readonly source: ByteSource) {
    super(source);
  }
  override async init(): Promise<void> {
    await super.init?.();
    this.size = this.source.size;
  }
  override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return this.source.read(index, Math.max(0, Math.min(length, this.source.size - index)));
  }
}

class SinkWriter extends Writer<void> {
  constructor(private readonly sink: (chunk: Uint8Array) => void | Promise<void>) {
    super();
  }
  override async writeUint8Array(array: Uint8Array): Promise<void> {
    await this.sink(array);
  }
  override async getData(): Promise<void> {}
}

function toPackEntry(entry: Entry): PackEntry {
  return {
    name: entry.filename,
    directory: entry.directory,
    symlink: entry.symlink,
    declaredSize: entry.uncompressedSize,
    async read(onChunk) {
      if (entry.directory) return { ambiguities: [] };
      await entry.getData(new SinkWriter(onChunk), {
        // Local headers are compared but reported, not thrown, so the report can name the file.
        checkLocalDirectory: false,
        checkLocalFilename: true,
        checkOverlappingEntry: true,
        useWebWorkers: false,
      });
      return { ambiguities: (entry.warnings ?? []).map((w) => w.reason).filter((r) => AMBIGUOUS_ENTRY.has(r)) };
    },
  };
}

/**
 * Lists the pack's entries without reading their contents. Names are taken as they are
 * (zip.js would otherwise refuse `../` and friends) so the report can name them.
 *
 * @throws whatever zip.js throws when there is no readable ZIP at all
 */
export async function openPackZip(source: ByteSource): Promise<OpenedZip> {
  // Web workers would need blob: or a worker script the dashboard's CSP does not allow,
  // and a verifier gains nothing from them: it is bound by reading, not by inflating.
  configure({ useWebWorkers: false });
  const reader = new ZipReader(new SourceReader(source), { strictness: 'tolerant', filenameValidation: 'tolerant', useWebWorkers: false });
  const entries = await reader.getEntries();
  const ambiguities = (reader.warnings ?? []).map((w) => w.reason).filter((r) => AMBIGUOUS_ARCHIVE.has(r));
  await reader.close();
  return { entries: entries.map(toPackEntry), ambiguities };
}

/** An entry's bytes in memory, refusing more than `maxBytes` (manifest.json and manifest.sig are small). */
export async function readEntryBytes(entry: PackEntry, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  if (entry.declaredSize > maxBytes) return 'too-large';
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  await entry.read((chunk) => {
    total += chunk.byteLength;
    if (total > maxBytes) tooLarge = true;
    else chunks.push(chunk.slice());
  });
  if (tooLarge) return 'too-large';
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
