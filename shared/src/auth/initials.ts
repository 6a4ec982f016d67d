/** Exhibit-producer initials from a name ("Jane Q. Smith" → "JQS"), at most 3 letters. */
export function initialsFor(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^\p{L}\s-]/gu, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .filter((c) => /[A-Z]/.test(c));
  return letters.slice(0, 3).join('') || 'X';
}
