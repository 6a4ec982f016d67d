import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { EvidenceItem, Perpetrator } from '../lib/types.ts';

const KIND: Record<EvidenceItem['kind'], string> = { web_capture: 'Web capture', email: 'Email', upload: 'File', diary: 'Diary entry' };

/** Incidents in the order they happened, whatever channel they came through. */
export function Timeline({ items, perpetrators }: { items: EvidenceItem[]; perpetrators: Map<string, Perpetrator> }) {
  const sorted = [...items].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  if (sorted.length === 0) return <p>No evidence yet.</p>;
  return (
    <ol class="timeline">
      {sorted.map((i) => {
        const url = typeof i.metadata.url === 'string' ? i.metadata.url : null;
        const perp = i.perpetratorId ? perpetrators.get(i.perpetratorId) : undefined;
        return (
          <li key={i.id} class={`kind-${i.kind}`}>
            <span class="kind">{KIND[i.kind]}</span> <time dateTime={i.capturedAt}>{when(i.capturedAt)}</time> · <strong>{i.exhibitRef}</strong>
            <div class="title">{i.title}</div>
            {url && <div class="url">{url}</div>}
            {perp && (
              <div>
                From <a href={href('perpetrators', perp.id)}>{perp.displayName}</a>
              </div>
            )}
            <div class="files">{i.artifacts.map((a) => a.name).join(', ')}</div>
          </li>
        );
      })}
    </ol>
  );
}
