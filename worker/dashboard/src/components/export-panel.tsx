import { useEffect, useState } from 'preact/hooks';
import type { ExportView } from '@wardguard/shared';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';

const PLATFORMS = ['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'reddit', 'linkedin', 'bluesky', 'threads', 'mastodon'];

/**
 * Prepare a signed evidence pack for the police (everything) or one platform (its captures
 * only), then download it. Every download is recorded in the custody log with the recipient.
 */
export function ExportPanel({ scope }: { scope: { kind: 'case' | 'perpetrator'; id: string } }) {
  const [variant, setVariant] = useState<'police' | 'platform'>('police');
  const [platform, setPlatform] = useState('x');
  const [recipient, setRecipient] = useState('');
  const [exports, setExports] = useState<ExportView[]>([]);
  const [status, setStatus] = useState('');

  const load = () => api<{ exports: ExportView[] }>(`/exports?scopeId=${encodeURIComponent(scope.id)}`).then((r) => setExports(r.exports));
  useEffect(() => {
    void load().catch(() => undefined);
  }, [scope.id]);

  const prepare = async (e: Event) => {
    e.preventDefault();
    try {
      const made = await api<ExportView>('/exports', {
        method: 'POST',
        json: { scope, variant, recipient, ...(variant === 'platform' ? { platform } : {}) },
      });
      await load().catch(() => undefined);
      setStatus(`Pack ready: ${made.exhibits} exhibit(s) for ${made.recipient}. Download it below.`);
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Could not prepare the pack.');
    }
  };

  return (
    <section class="export" aria-labelledby="export-h">
      <h2 id="export-h">Evidence pack</h2>
      <p class="hint">
        One signed ZIP: report, index, original files, custody log. Anyone can check it with the council's public key on the{' '}
        <a href="#/verify">Verify a pack</a> page.
      </p>
      <form class="decision-fields" onSubmit={prepare}>
        <label>
          For
          <select value={variant} onChange={(e) => setVariant((e.target as HTMLSelectElement).value as 'police' | 'platform')}>
            <option value="police">Police (everything)</option>
            <option value="platform">A platform (its posts only, no diary or notes)</option>
          </select>
        </label>
        {variant === 'platform' && (
          <label>
            Platform
            <select value={platform} onChange={(e) => setPlatform((e.target as HTMLSelectElement).value)}>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Recipient
          <input required value={recipient} placeholder="DC Jones, Thames Valley Police" onInput={(e) => setRecipient((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Prepare pack</button>
      </form>
      <p role="status">{status}</p>
      {exports.length > 0 && (
        <ul class="exports">
          {exports.map((x) => (
            <li key={x.id}>
              {x.variant === 'police' ? 'Police' : `Platform (${x.platform})`} pack for {x.recipient}, {x.exhibits} exhibit(s), prepared {when(x.createdAt)};
              downloaded {x.downloads} time(s).{' '}
              <a href={x.downloadUrl} download>
                Download
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
