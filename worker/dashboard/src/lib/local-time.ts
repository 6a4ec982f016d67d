/** ISO instant → the value a datetime-local input shows (the browser's own time zone). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (read in the browser's time zone) → an ISO instant the API accepts. */
export const fromLocalInput = (value: string) => new Date(value).toISOString();
