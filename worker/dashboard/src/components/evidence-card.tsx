import { useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Case, EvidenceItem } from '../lib/types.ts';

const KIND: Record<EvidenceItem['kind'], string> = { web_capture: 'Web capture', email: 'Email', upload: 'File', diary: 'Diary entry' };
const artifactUrl = (itemId: string, artifactId: string) => `/api/v1/evidence/${encodeURIComponent(itemId)}/artifacts/${encodeURIComponent(artifactId)}`;

/**
 * One piece of evidence: what it is, its images on request (each view is a custody event, so
 * they load only when someone asks), its files, and the case it belongs to, which can be set here.
 */
export function EvidenceCard({
  item,
  cases,
  councillorName,
  onLinked,
}: {
  item: EvidenceItem;
  cases: Case[];
  councillorName?: string;
  onLinked: (i: EvidenceItem) => void;
}) {
  const [showImages, setShowImages] = useState(false);
  const [caseId, setCaseId] = useState('');
  const [status, setStatus] = useState('');
  const images = item.artifacts.filter((a) => a.mediaType === 'image/png' || a.mediaType === 'image/jpeg');
  const mine = cases.filter((c) => c.councillorId === item.councillorId);
  const linkedCase = cases.find((c) => c.id === item.caseId);
  const url = typeof item.metadata.url === 'string' ? item.metadata.url : null;
  const headingId = `ev-${item.id}`;

  const link = async (e: Event) => {
    e.preventDefault();
    try {
      const updated = await api<EvidenceItem>(`/evidence/${encodeURIComponent(item.id)}`, { method: 'PATCH', json: { caseId } });
      setStatus('Added to the case.');
      onLinked(updated);
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Could not add it to the case.');
    }
  };

  return (
    <li class="evidence-card" data-item-id={item.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {item.exhibitRef} · {item.title}
      </h2>
      <p>
        {KIND[item.kind]} · captured <time dateTime={item.capturedAt}>{when(item.capturedAt)}</time>
        {councillorName && <> · {councillorName}</>}
      </p>
      {url && <p class="url">{url}</p>}
      <p>
        {item.kind === 'diary' && (
          <>
            <a href={href('diary', item.id)}>Read or edit the entry</a> ·{' '}
          </>
        )}
        <a href={href('custody', item.id)}>Custody log of {item.exhibitRef}</a>
      </p>
      <p>
        {linkedCase ? (
          <>
            Case: <a href={href('cases', linkedCase.id)}>{linkedCase.title}</a>
          </>
        ) : (
          <strong>Not in a case yet</strong>
        )}
      </p>
      {images.length > 0 && (
        <button type="button" aria-expanded={showImages} onClick={() => setShowImages(!showImages)}>
          {showImages ? 'Hide images' : `Show ${images.length === 1 ? 'the image' : `${images.length} images`}`}
        </button>
      )}
      {showImages && (
        <div class="evidence-images">
          {images.map((a) => (
            <figure key={a.id}>
              <img src={artifactUrl(item.id, a.id)} alt={`${a.name} of ${item.exhibitRef}`} loading="lazy" />
              <figcaption>{a.name}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <details>
        <summary>Files ({item.artifacts.length})</summary>
        <ul class="files">
          {item.artifacts.map((a) => (
            <li key={a.id}>
              <a href={artifactUrl(item.id, a.id)} download={a.name}>
                {a.name}
              </a>{' '}
              · {a.size.toLocaleString('en-GB')} bytes · SHA-256 <code>{a.sha256}</code>
            </li>
          ))}
        </ul>
      </details>
      {!item.caseId && mine.length > 0 && (
        <form class="link-form" onSubmit={link}>
          <label>
            Add to case
            <select required value={caseId} onChange={(e) => setCaseId((e.target as HTMLSelectElement).value)}>
              <option value="">Choose…</option>
              {mine.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add</button>
        </form>
      )}
      <p role="status">{status}</p>
    </li>
  );
}
