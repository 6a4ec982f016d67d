// A real X display (Xvfb) and real input (xdotool), for what only a user gesture may do:
// activeTab is granted by the keyboard shortcut or the context menu, and permissions.request
// shows a dialog someone must answer. Playwright's synthetic input does not count as either.
// Debian packages: xvfb, xdotool (installed by .ci/run).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Display {
  /** e.g. `:99`, for the browser's DISPLAY. */
  name: string;
  /** Runs xdotool on this display with these arguments; resolves to its stdout. */
  xdotool(...args: string[]): Promise<string>;
  /** Gives keyboard focus to the browser window whose title ends with `title` (no window manager here). */
  focusWindow(title: string): Promise<void>;
  /** The ids of the windows on screen now (a context menu is one; Chromium draws its dialogs inside the browser window). */
  visibleWindows(): Promise<Set<string>>;
  /** Waits until a window not in `before` is on screen, e.g. the menu a right-click opened. */
  waitForNewWindow(before: Set<string>, ms?: number): Promise<void>;
  /** Presses keys as a person would (XTEST), e.g. `alt+shift+e`, `Tab`, `Return`. */
  key(...keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts Xvfb on a free display number (Xvfb picks it and writes it to fd 3). */
export function startXvfb(size = '1280x1024x24'): Promise<Display> {
  const proc: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    proc.once('error', (e) => reject(new Error(`Xvfb did not start (apt-get install xvfb): ${e.message}`)));
    proc.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${err}`)));
    proc.stdio[3]!.on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      const name = `:${out.trim()}`;
      const env = { ...process.env, DISPLAY: name };
      const xdotool = async (...args: string[]) => (await run('xdotool', args, { env })).stdout;
      // xdotool search exits 1 when nothing matches.
      const visibleWindows = async () => new Set((await xdotool('search', '--onlyvisible', '--name', '').catch(() => '')).split('\n').filter(Boolean));
      resolve({
        name,
        xdotool,
        async focusWindow(title) {
          const ids = (await xdotool('search', '--sync', '--onlyvisible', '--name', `${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)).trim().split('\n');
          await xdotool('windowfocus', '--sync', ids[0]!);
        },
        visibleWindows,
        async waitForNewWindow(before, ms = 30_000) {
          for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
            if ([...(await visibleWindows())].some((id) => !before.has(id))) return;
          }
          throw new Error(`no new window appeared within ${ms} ms`);
        },
        async key(...keys) {
          await xdotool('key', '--delay', '80', ...keys);
        },
        close: () =>
          new Promise<void>((r) => {
            proc.removeAllListeners('exit');
            if (proc.exitCode !== null) return r();
            proc.once('exit', () => r());
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}
