import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { when } from '../lib/format.ts';
import { href } from '../lib/route.ts';
import type { Alert } from '../lib/types.ts';

const POLL_MS = 5000;

/** Threats to life stay pinned above every screen until an officer acknowledges them. */
export function ThreatBanner() {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [acked, setAcked] = useState<Alert[]>([]);

  // A poll that started before an acknowledgement may answer after it: never let such a
  // stale answer bring a banner back.
  const ackedIds = useRef(new Set<string>());
  const load = () =>
    api<{ alerts: Alert[] }>('/mail/alerts')
      .then((r) => setAlerts(r.alerts.filter((a) => !a.acknowledgedAt && !ackedIds.current.has(a.id))))
      .catch(() => undefined);

  useEffect(() => {
    void load();
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, []);

  const acknowledge = async (a: Alert) => {
    const done = await api<Alert>(`/mail/alerts/${encodeURIComponent(a.id)}/ack`, { method: 'POST', json: {} });
    ackedIds.current.add(a.id);
    setAlerts((xs) => xs.filter((x) => x.id !== a.id));
    setAcked((x) => [done, ...x].slice(0, 3));
    await load();
  };

  if (alerts.length === 0 && acked.length === 0) return null;
  return (
    <section class="threats" aria-label="Threats to life">
      {alerts.map((a) => (
        <div class="threat" role="alert" key={a.id} data-alert-id={a.id} data-record-id={a.recordId}>
          <strong>Possible threat to life</strong> to {a.councillorName} — from {a.from || 'unknown sender'}, “{a.subject || '(no subject)'}”,{' '}
          {when(a.createdAt)}. Exhibit {a.exhibitRef}. {a.notifyCount > 1 && <span>Duty officers notified {a.notifyCount} times. </span>}
          <a href={href('message', a.recordId)}>Open</a>{' '}
          <button type="button" onClick={() => acknowledge(a)}>
            Acknowledge
          </button>
        </div>
      ))}
      {acked.map((a) => (
        <p class="acked" key={'ack-' + a.id} role="status">
          Threat {a.exhibitRef} acknowledged by {a.acknowledgedByName ?? 'an officer'} at {when(a.acknowledgedAt)}.
        </p>
      ))}
    </section>
  );
}
