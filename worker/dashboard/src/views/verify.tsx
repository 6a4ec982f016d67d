import { useEffect, useRef, useState } from 'preact/hooks';
import type { PackReport, TrustedKey } from '@wardguard/shared/pack/verify';
import { Masthead } from '../components/masthead.tsx';

// zip.js and the curve code load only when someone opens this page, not with the dashboard.
const loadVerifier = () => import('@wardguard/shared/pack/verify');

const KEY_PATH = '/.well-known/wardguard-pack-key';

type PublishedKey = { status: 'loading' } | { status: 'ok'; key: TrustedKey; fingerprint: string } | { status: 'failed'; reason: string };
type Check =
  | { phase: 'idle' }
  | { phase: 'checking'; name: string; percent: number }
  | { phase: 'done'; name: string; report: PackReport }
  | { phase: 'error'; message: string };

/**
 * Each council may have its own key: the one named in the link (`#/verify/<councilId>`, as a
 * pack's README prints it), else the signed-in user's council, else the deployment's one key.
 */
async function keyPath(): Promise<string> {
  const councilPath = (id: string) => `${KEY_PATH}/${encodeURIComponent(id)}`;
  const fromLink = location.hash.replace(/^#\/?/, '').split('/')[1];
  if (fromLink) {
    try {
      return councilPath(decodeURIComponent(fromLink));
    } catch {
      /* a mangled link: fall through to the other ways */
    }
  }
  try {
    const me = await fetch('/api/v1/me', { cache: 'no-store', headers: { accept: 'application/json' } });
    const councilId = me.ok ? ((await me.json()) as { councilId?: unknown }).councilId : undefined;
    if (typeof councilId === 'string' && councilId) return councilPath(councilId);
  } catch {
    /* not signed in, or offline: the deployment's key */
  }
  return KEY_PATH;
}

async function fetchPublishedKey(): Promise<PublishedKey> {
  try {
    const res = await fetch(await keyPath(), { credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } });
    if (!res.ok) return { status: 'failed', reason: `the server answered ${res.status}` };
    const { parsePackKey, keyFingerprint } = await loadVerifier();
    const key = parsePackKey(await res.text());
    if (key.kind !== 'raw') return { status: 'failed', reason: 'the server did not send a key' };
    return { status: 'ok', key, fingerprint: keyFingerprint(key.raw) };
  } catch (err) {
    return { status: 'failed', reason: err instanceof Error ? err.message : 'it could not be reached' };
  }
}

const grouped = (fp: string) => fp.match(/.{1,4}/g)!.join(' ');

function KeySection({ published, pasted, onPaste }: { published: PublishedKey; pasted: string; onPaste: (v: string) => void }) {
  return (
    <section aria-labelledby="verify-key-heading">
      <h2 id="verify-key-heading">1. The council's key</h2>
      {published.status === 'loading' && <p role="status">Fetching this council's published key…</p>}
      {published.status === 'ok' && (
        <p>
          Using the key this council publishes, fingerprint <code class="fingerprint">{grouped(published.fingerprint)}</code>. If the council gave you a key or
          fingerprint, check it matches, or paste it below.
        </p>
      )}
      {published.status === 'failed' && (
        <p role="alert" class="notice">
          Could not fetch this council's published key ({published.reason}). Paste the key or fingerprint the council gave you below: without it, the check
          cannot show who made the pack.
        </p>
      )}
      <label for="verify-key">
        Key or fingerprint from the council{published.status === 'ok' ? ' (optional)' : ''}
        <textarea
          id="verify-key"
          rows={2}
          spellcheck={false}
          autoComplete="off"
          aria-describedby="verify-key-hint"
          value={pasted}
          onInput={(e) => onPaste((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <p id="verify-key-hint" class="hint">
        The key in base64 (44 characters), its 64-character fingerprint, or the contents of the council's key file. A key pasted here is used instead of the
        published one.
      </p>
    </section>
  );
}

function Result({ check }: { check: Check }) {
  if (check.phase === 'error') {
    return (
      <p role="alert" class="error">
        {check.message}
      </p>
    );
  }
  if (check.phase !== 'done' || check.report.ok) return null;
  const { report, name } = check;
  return (
    <div role="alert" class="verify-result verify-failed">
      <h2>Not verified: {report.problems.length === 1 ? '1 problem' : `${report.problems.length} problems`}</h2>
      <p>{name} does not match what the council signed, or the key cannot vouch for it. Each problem names the file inside the pack:</p>
      <ul class="problems">
        {report.problems.map((p, i) => (
          <li key={i} data-code={p.code}>
            <code>{p.path ?? 'The ZIP file itself'}</code>: {p.message}
          </li>
        ))}
      </ul>
      <Details report={report} />
    </div>
  );
}

function Details({ report }: { report: PackReport }) {
  const p = report.pack;
  return (
    <dl class="headers">
      {p && (
        <>
          <dt>Pack</dt>
          <dd>
            {p.packId} ({p.variant}
            {p.platform ? `, ${p.platform}` : ''}) from {p.council.name}, made {p.createdAt} by {p.createdBy.name} for {p.recipient}
          </dd>
        </>
      )}
      <dt>Key</dt>
      <dd>{report.key.explanation}</dd>
      <dt>Files</dt>
      <dd>
        {report.files.checked} of {report.files.listed} checked ({report.files.bytes.toLocaleString('en-GB')} bytes)
      </dd>
      {report.custody && (
        <>
          <dt>Custody log</dt>
          <dd>
            {report.custody.lines} events, ending at seq {report.custody.headSeq ?? '–'}
          </dd>
        </>
      )}
      <dt>Checkpoint</dt>
      <dd data-checkpoint={report.checkpoint.status}>
        {report.checkpoint.checkpoint && report.checkpoint.status !== 'absent' ? `Seq ${report.checkpoint.checkpoint.seq}, ${report.checkpoint.status}. ` : ''}
        {report.checkpoint.explanation}
      </dd>
    </dl>
  );
}

/** "Verify a pack": checks an evidence pack in this browser. Needs no account; nothing is uploaded. */
export function VerifyView() {
  const [published, setPublished] = useState<PublishedKey>({ status: 'loading' });
  const publishedRef = useRef<Promise<PublishedKey> | null>(null);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const runId = useRef(0);

  useEffect(() => {
    publishedRef.current = fetchPublishedKey();
    void publishedRef.current.then(setPublished);
  }, []);

  const verify = async (f: File) => {
    const id = ++runId.current;
    setFile(f);
    setCheck({ phase: 'checking', name: f.name, percent: 0 });
    let mod: Awaited<ReturnType<typeof loadVerifier>>;
    try {
      mod = await loadVerifier();
    } catch {
      setCheck({ phase: 'error', message: 'The verifier could not be loaded. Reload the page and try again.' });
      return;
    }
    let key: TrustedKey | null = null;
    if (pasted.trim()) {
      try {
        key = mod.parsePackKey(pasted);
      } catch (err) {
        setCheck({ phase: 'error', message: `The key you pasted cannot be used: ${(err as Error).message}` });
        return;
      }
    } else {
      const pub = await (publishedRef.current ?? fetchPublishedKey());
      if (pub.status === 'ok') key = pub.key;
    }
    let shown = 0;
    try {
      const report = await mod.verifyPack(mod.blobSource(f), {
        key,
        onProgress: ({ bytesDone, bytesTotal }) => {
          const percent = bytesTotal ? Math.floor((100 * bytesDone) / bytesTotal) : 0;
          // One update per percent: a large pack reports thousands of chunks.
          if (id === runId.current && percent !== shown) setCheck({ phase: 'checking', name: f.name, percent: (shown = percent) });
        },
      });
      if (id === runId.current) setCheck({ phase: 'done', name: f.name, report });
    } catch (err) {
      // Reading the file itself failed (moved, or permission withdrawn): not a verdict on the pack.
      if (id === runId.current) setCheck({ phase: 'error', message: `${f.name} could not be read: ${(err as Error).message}` });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer?.files[0];
    if (f) void verify(f);
  };

  return (
    <section class="verify">
      <h1>Verify an evidence pack</h1>
      <p>
        Checks that a Wardguard evidence pack is exactly what the council signed: every file against the signed list of SHA-256 hashes, the council's signature,
        and the chain of custody. <strong>The pack is checked in this browser and is never uploaded</strong>; no account is needed.
      </p>
      <KeySection published={published} pasted={pasted} onPaste={setPasted} />
      <section aria-labelledby="verify-pack-heading">
        <h2 id="verify-pack-heading">2. The pack</h2>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the keyboard way */}
        <div
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label for="verify-file">
            Choose the pack (.zip)
            <input
              id="verify-file"
              type="file"
              accept=".zip,application/zip"
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f) void verify(f);
              }}
            />
          </label>
          <p class="hint">or drop it here.</p>
        </div>
        {file && check.phase !== 'checking' && (
          <button type="button" onClick={() => void verify(file)}>
            Check {file.name} again
          </button>
        )}
      </section>
      <div role="status" class="verify-status">
        {check.phase === 'checking' && (
          <p>
            Checking {check.name}…{' '}
            <progress max={100} value={check.percent} aria-label="Progress">
              {check.percent}%
            </progress>
          </p>
        )}
        {check.phase === 'done' && check.report.ok && (
          <div class="verify-result verify-ok">
            <h2>Verified</h2>
            <p>{check.name}: every file matches the list the council signed, the signature is the council key's, and the chain of custody is intact.</p>
            <Details report={check.report} />
          </div>
        )}
      </div>
      <Result check={check} />
    </section>
  );
}

/** The same page for someone without an account, e.g. a police officer handed a pack. */
export function PublicVerifyPage() {
  return (
    <>
      <Masthead>
        <nav aria-label="Main">
          <a href="#/">Officers' sign-in</a>
        </nav>
      </Masthead>
      <main id="main" tabIndex={-1}>
        <VerifyView />
      </main>
    </>
  );
}
