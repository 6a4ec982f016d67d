import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/error-text.ts';
import type { EvidenceItem, Me } from '../lib/types.ts';
import { useCouncillors } from '../lib/use-councillors.ts';
import { CustodyLog } from '../components/custody-log.tsx';
import { ChainCheck } from '../components/chain-check.tsx';

/** #/custody/<item>: one item's custody log (anyone who may see the item). #/custody: the chain check (officers). */
export function CustodyView({ itemId, me }: { itemId?: string; me: Me }) {
  const staff = me.role === 'officer' || me.role === 'admin';
  const councillors = useCouncillors();
  // Staff see which police liaison read or downloaded an item, by name.
  const [liaisons, setLiaisons] = useState(new Map<string, string>());
  useEffect(() => {
    if (staff)
      void api<{ liaisons: { id: string; name: string }[] }>('/referrals/liaisons')
        .then((r) => setLiaisons(new Map(r.liaisons.map((l) => [l.id, `${l.name} (police liaison)`]))))
        .catch(() => undefined);
  }, [staff]);
  const actorName = (id: string) =>
    id === me.userId ? `you (${me.name})` : (councillors.get(id)?.name ?? liaisons.get(id) ?? (id === 'wardguard-worker' ? 'Wardguard' : 'a council officer'));
  if (!itemId)
    return (
      <section>
        <h1>Custody chain</h1>
        {staff ? <ChainCheck /> : <p>Checking the whole chain is for your council's officers.</p>}
      </section>
    );
  return (
    <section>
      <ItemHeading itemId={itemId} />
      <CustodyLog itemId={itemId} actorName={actorName} />
    </section>
  );
}

function ItemHeading({ itemId }: { itemId: string }) {
  // The item list, not GET /evidence/:id: opening the log must not itself log a view.
  const [item, setItem] = useState<EvidenceItem | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ items: EvidenceItem[] }>('/evidence?limit=500')
      .then((r) => setItem(r.items.find((i) => i.id === itemId) ?? null))
      .catch((e: unknown) => setError(errorText(e, '')));
  }, [itemId]);
  return (
    <>
      <h1>Custody log{item ? `: ${item.exhibitRef}` : ''}</h1>
      {item && <p>{item.title}</p>}
      {error && <p class="error">{error}</p>}
    </>
  );
}
