// Resident memory of the workerd processes behind a bench's `wrangler dev`, sampled while a
// phase of the bench runs: how a bench shows that a Worker's memory stays flat.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The workerd processes in wrangler's process group (wrangler's own node process is left out). */
function workerdPids(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => s.trim().split(/\s+/))
      .filter(([pid, comm]) => pid && comm?.startsWith('workerd'))
      .map(([pid]) => pid!);
  } catch {
    return [];
  }
}

function rssKb(pids: string[]): number | null {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return null; // exited: wrangler dev restarted it
    }
  }
  return kb;
}

/** Resident memory of workerd, in MB (looked up each time: wrangler dev restarts it when sources change). */
export function workerdRssMb(pgid: number): number {
  return (rssKb(workerdPids(pgid)) ?? 0) / 1024;
}

/** Runs `fn`, sampling workerd's RSS every `everyMs`; answers its result and the peak, in MB. */
export async function withPeakRss<T>(pgid: number, fn: () => Promise<T>, everyMs = 50): Promise<{ result: T; peakRssMb: number }> {
  // The processes are found once (ps is a process of its own) and again only if one exits.
  let pids = workerdPids(pgid);
  let peak = 0;
  const sample = () => {
    let kb = rssKb(pids);
    if (kb === null) {
      pids = workerdPids(pgid);
      kb = rssKb(pids) ?? 0;
    }
    peak = Math.max(peak, kb / 1024);
  };
  sample();
  const sampler = setInterval(sample, everyMs);
  try {
    const result = await fn();
    sample();
    return { result, peakRssMb: peak };
  } finally {
    clearInterval(sampler);
  }
}
