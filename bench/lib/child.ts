// Child processes for the benches: run a TypeScript entry under tsx, read its peak RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../../scripts/lib/wrangler.ts';

/** Peak resident set size (VmHWM) of a live process, in bytes; 0 if it is gone. */
export function peakRss(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a live process has used so far; 0 if it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every live process in a process group (e.g. wrangler and its workerd). */
export function groupCpuSeconds(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

export interface Child {
  proc: ChildProcess;
  /** Everything written to stdout and stderr so far, in order. */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** One node process with tsx as a loader (so its pid is the program's, not a CLI wrapper's). */
export function startChild(entry: string, args: string[]): Child {
  // WG_BENCH_CPU_PROF=<dir>: a V8 CPU profile of each child, to see where a pass spends its time.
  const prof = process.env.WG_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WG_BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    output: () => out,
    exited,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Runs a child to completion and returns its output; throws with the output if it failed. */
export async function runChild(entry: string, args: string[]): Promise<string> {
  const child = startChild(entry, args);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${entry} ${args[0] ?? ''} exited ${code}:\n${child.output().slice(-4000)}`);
  return child.output();
}
