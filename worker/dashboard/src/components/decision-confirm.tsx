import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { SEVERITY_LABEL } from '../lib/format.ts';
import { isThreatLevel, SEVERITY_ORDER, THREAT_REASON_MIN_CHARS } from '../lib/threat-level.ts';
import type { Alert, MailRecord } from '../lib/types.ts';
import { SeverityBadge } from './severity-badge.tsx';
import { ErrorNote } from './error-note.tsx';

export type ConfirmMessage = Pick<MailRecord, 'id' | 'severity' | 'exhibitRef' | 'from' | 'subject' | 'threatAlert'>;

export interface DecisionConfirmProps {
  /** The decision as its button names it ("Keep as abuse"). */
  action: string;
  /** What it does, as a sentence ("They stay in quarantine, recorded as abuse."). */
  consequence: string;
  messages: ConfirmMessage[];
  /**
   * Whether the Worker's threat guard applies (a decision; not an escalation): a written
   * reason when any message is at threat level, and every threat-to-life alert acknowledged.
   */
  guarded: boolean;
  danger?: boolean;
  /** Carries the decision out; resolves to an error to show in the dialog, or null when done. */
  onConfirm: (reason: string | null) => Promise<string | null>;
  onClose: () => void;
  /** Where focus goes when the dialog closes, when the element that opened it is gone or was the page itself. */
  fallbackFocus?: () => HTMLElement | null;
}

const plural = (n: number) => `${n} ${n === 1 ? 'message' : 'messages'}`;

/**
 * The one confirmation every decision goes through, from a button, a key or a bulk selection:
 * it says what will happen to how many messages of which severity, names each one at threat
 * level, and asks for the written reason the Worker requires there. A modal <dialog>: focus
 * moves in (to the reason when one is needed, else to Confirm), stays in, Esc cancels, and
 * focus returns to where it was.
 */
export function DecisionConfirm({ action, consequence, messages, guarded, danger, onConfirm, onClose, fallbackFocus }: DecisionConfirmProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const threats = messages.filter((m) => isThreatLevel(m.severity));
  const needsReason = guarded && threats.length > 0;
  // Alerts this page last saw as open; asked again (no custody event) in case someone acknowledged one since.
  const maybeOpen = guarded ? threats.filter((m) => m.threatAlert && !m.threatAlert.acknowledgedAt) : [];
  const [openAlerts, setOpenAlerts] = useState<Set<string> | null>(maybeOpen.length ? null : new Set());
  useEffect(() => {
    if (openAlerts) return;
    api<{ alerts: Alert[] }>('/mail/alerts')
      .then((r) => setOpenAlerts(new Set(r.alerts.filter((a) => !a.acknowledgedAt).map((a) => a.id))))
      // Unknown: assume still open; the Worker decides in the end.
      .catch(() => setOpenAlerts(new Set(maybeOpen.map((m) => m.threatAlert!.id))));
  }, []);
  const unacknowledged = openAlerts ? maybeOpen.filter((m) => openAlerts.has(m.threatAlert!.id)) : maybeOpen;
  const checking = openAlerts === null;
  const blocked = !checking && unacknowledged.length > 0;

  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    dialogRef.current?.showModal();
    return () => {
      const prev = opener.current as HTMLElement | null;
      const usable = (el: HTMLElement | null) => el && el !== document.body && el.isConnected && !(el as HTMLButtonElement).disabled;
      // After this update is in the page: the opener may only now be enabled again, or gone.
      setTimeout(() => {
        const target = usable(prev) ? prev : (fallbackFocus?.() ?? null);
        (usable(target) ? target : document.getElementById('main'))?.focus();
      }, 0);
    };
  }, []);
  // Focus the first thing there is to do once it is known: the reason, Confirm, or (when refused) Cancel.
  useEffect(() => {
    if (checking) return;
    (blocked ? cancelRef : needsReason ? reasonRef : confirmRef).current?.focus();
  }, [checking, blocked]);

  const close = () => {
    if (busy) return;
    dialogRef.current?.close();
  };
  // Esc (the dialog's cancel event) cancels, unless a decision is already on its way; listened
  // to directly, as is a close the browser makes on its own (then it is cancelled, or reopened while busy).
  const latest = useRef({ close, busy });
  latest.current = { close, busy };
  useEffect(() => {
    const d = dialogRef.current!;
    const cancel = (e: Event) => {
      e.preventDefault();
      latest.current.close();
    };
    const closed = () => {
      if (!latest.current.busy) onClose();
      else if (d.isConnected) d.showModal();
    };
    d.addEventListener('cancel', cancel);
    d.addEventListener('close', closed);
    return () => {
      d.removeEventListener('cancel', cancel);
      d.removeEventListener('close', closed);
    };
  }, []);
  // Tab and Shift+Tab go round the dialog's own controls rather than out to the browser.
  const trapTab = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const focusable = [...dialogRef.current!.querySelectorAll<HTMLElement>('button, textarea, input, select, a[href]')].filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || checking || blocked) return;
    const written = reason.trim();
    if (needsReason && written.length < THREAT_REASON_MIN_CHARS) {
      setReasonError(
        written
          ? `Write a fuller reason: at least ${THREAT_REASON_MIN_CHARS} characters.`
          : 'Write the reason for this decision: it is required at threat level.',
      );
      reasonRef.current?.focus();
      return;
    }
    setReasonError('');
    setError('');
    setBusy(true);
    latest.current.busy = true;
    const failed = await onConfirm(written || null).catch((err: unknown) => (err instanceof Error ? err.message : 'The decision could not be recorded.'));
    setBusy(false);
    latest.current.busy = false;
    if (failed) {
      setError(failed);
      return;
    }
    dialogRef.current?.close();
  };

  const counts = SEVERITY_ORDER.map((s) => [s, messages.filter((m) => m.severity === s).length] as const).filter(([, n]) => n > 0);
  const title = messages.length === 1 ? `${action}: exhibit ${messages[0]!.exhibitRef}?` : `${action}: ${plural(messages.length)}?`;
  return (
    <dialog ref={dialogRef} class="decision-confirm" aria-labelledby="dc-title" aria-describedby="dc-summary" onKeyDown={trapTab}>
      <form onSubmit={submit} noValidate>
        <h2 id="dc-title">{title}</h2>
        <p id="dc-summary">
          {action}, {plural(messages.length)}: {counts.map(([s, n]) => `${n} ${SEVERITY_LABEL[s]}`).join(', ')}. {consequence}
        </p>
        <ul class="dc-counts" aria-label="Selected messages by severity">
          {counts.map(([s, n]) => (
            <li key={s} data-severity={s}>
              <SeverityBadge severity={s} /> {plural(n)}
            </li>
          ))}
        </ul>
        {threats.length > 0 && (
          <>
            <p>
              <strong>At threat level{threats.length > 1 ? ` (${threats.length})` : ''}:</strong>
            </p>
            <ul class="dc-threats">
              {threats.map((m) => (
                <li key={m.id} data-record-id={m.id}>
                  Exhibit <strong>{m.exhibitRef}</strong> ({SEVERITY_LABEL[m.severity]}) from {m.from || 'unknown sender'}, “{m.subject || '(no subject)'}”
                  {m.threatAlert &&
                    (unacknowledged.includes(m) ? (checking ? ' — checking its alert…' : ' — alert not acknowledged') : ' — alert acknowledged')}
                </li>
              ))}
            </ul>
          </>
        )}
        {blocked && (
          <p class="error" id="dc-blocked">
            Refused while a threat-to-life alert is unacknowledged ({unacknowledged.map((m) => m.exhibitRef).join(', ')}). Cancel, acknowledge it in the red
            banner, then decide.
          </p>
        )}
        {needsReason && !blocked && (
          <div class="dc-reason">
            <label for="dc-reason">Reason (required at threat level)</label>
            <textarea
              id="dc-reason"
              ref={reasonRef}
              rows={3}
              value={reason}
              required
              aria-required="true"
              aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={reasonError ? 'dc-reason-hint dc-reason-error' : 'dc-reason-hint'}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
            <p class="hint" id="dc-reason-hint">
              Recorded in the custody log with the decision{messages.length > 1 ? ' on each message' : ''}.
            </p>
            {reasonError && (
              <p class="error" id="dc-reason-error">
                {reasonError}
              </p>
            )}
          </div>
        )}
        {error && <ErrorNote message={error} />}
        <div class="dc-buttons">
          <button
            type="submit"
            ref={confirmRef}
            class={danger ? 'danger' : undefined}
            disabled={busy || checking || blocked}
            aria-describedby={blocked ? 'dc-blocked' : undefined}
          >
            Confirm: {action}
          </button>{' '}
          <button type="button" ref={cancelRef} disabled={busy} onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
