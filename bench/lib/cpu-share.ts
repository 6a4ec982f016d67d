// Who used the machine's cores during a bench step: the whole machine (/proc/stat), and
// process groups by command name (/proc/<pid>/stat), so a reader can see whether the cores
// were the limit and who else wanted them. Linux only; every reading is 0 elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

const HZ = 100; // USER_HZ on Linux

/** Busy and total CPU seconds of the whole machine since boot, summed over its cores. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = ticks[3]! + ticks[4]!; // idle + iowait
    return { busy: (total - idle) / HZ, total: total / HZ };
  } catch {
    return { busy: 0, total: 0 };
  }
}

interface Stat {
  pid: number;
  comm: string;
  pgrp: number;
  /** utime + stime + the reaped children's cutime + cstime, in seconds. */
  cpu: number;
}

function stats(): Stat[] {
  const out: Stat[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = raw.lastIndexOf(')');
      const f = raw.slice(close + 2).split(' ');
      out.push({
        pid: Number(d),
        comm: raw.slice(raw.indexOf('(') + 1, close),
        pgrp: Number(f[2]),
        cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / HZ,
      });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** CPU seconds used so far by each command in a process group (children it reaped included). */
export function groupCpuByCommand(pgrp: number): Map<string, number> {
  const by = new Map<string, number>();
  for (const s of stats()) if (s.pgrp === pgrp) by.set(s.comm, (by.get(s.comm) ?? 0) + s.cpu);
  return by;
}

/** The process group whose leader's command line contains `needle` (e.g. a Dovecot config path), or 0. */
export function groupOf(needle: string): number {
  for (const s of stats()) {
    if (s.pid !== s.pgrp) continue;
    try {
      if (readFileSync(`/proc/${s.pid}/cmdline`, 'utf8').includes(needle)) return s.pgrp;
    } catch {
      /* gone meanwhile */
    }
  }
  return 0;
}

/** What each command used between two readings of `groupCpuByCommand`. */
export function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const d = new Map<string, number>();
  for (const [k, v] of after) d.set(k, Math.max(0, v - (before.get(k) ?? 0)));
  return d;
}

export const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
