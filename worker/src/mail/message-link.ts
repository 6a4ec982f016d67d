/**
 * The dashboard address of one quarantined message, for alerts: the duty officer reading an
 * alert at night opens the message in one tap. Null when the Worker does not know its address.
 */
export function messageLink(origin: string | null, recordId: string): string | null {
  if (!origin) return null;
  return `${origin.replace(/\/+$/, '')}/#/message/${encodeURIComponent(recordId)}`;
}
