import type { PackReport } from './verify-report.ts';

/**
 * The report as plain text for a terminal or a printout: the verdict first, then one line
 * per problem naming the file, so it reads well to someone who has never seen a pack.
 */
export function formatPackReport(report: PackReport, packName: string, keyOrigin: string | null = null): string {
  const out: string[] = [`Wardguard evidence pack: ${packName}`];
  const p = report.pack;
  if (p) {
    out.push(
      `  Pack ${p.packId} (${p.variant}${p.platform ? `, ${p.platform}` : ''}) from ${p.council.name}, made ${p.createdAt} by ${p.createdBy.name} for ${p.recipient}.`,
    );
    out.push(`  ${p.exhibits} exhibit(s); ${report.files.checked} of ${report.files.listed} listed file(s) checked, ${report.files.bytes} bytes hashed.`);
  }
  out.push(`  Key${keyOrigin ? ` (from ${keyOrigin})` : ''}: ${report.key.explanation}`);
  if (report.custody) {
    const c = report.custody;
    out.push(`  Custody log: ${c.lines} event(s), ${c.full} recomputed, ${c.redacted} redacted link(s), ending at seq ${c.headSeq ?? '-'}.`);
  }
  const cp = report.checkpoint;
  out.push(
    cp.status === 'absent'
      ? `  Checkpoint: none. ${cp.explanation}`
      : cp.checkpoint
        ? `  Checkpoint: seq ${cp.checkpoint.seq} (hash ${cp.checkpoint.hash.slice(0, 12)}…), ${cp.status}. ${cp.explanation}`
        : `  Checkpoint: ${cp.status}. ${cp.explanation}`,
  );
  out.push('');
  if (report.ok) {
    out.push("VERIFIED: every file matches the signed manifest, the signature is the council key's, and the custody chain is intact.");
    return out.join('\n') + '\n';
  }
  out.push(`NOT VERIFIED: ${report.problems.length} problem(s).`);
  for (const problem of report.problems) out.push(`  ${problem.path ?? '(the ZIP file)'}: ${problem.message} [${problem.code}]`);
  return out.join('\n') + '\n';
}
