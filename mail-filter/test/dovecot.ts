// Starts a real, unprivileged-for-mail Dovecot 2.3 on a free 127.0.0.1 port from a temp
// dir (config per /work/shared/docs/toolchain.md), seeds mail, reads folders back, stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../scripts/lib/free-port.ts';

export const PASSWORD = 'secret';
const NOBODY = 65534;

export { freePort };

function config(dir: string, port: number, extra = ''): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
${extra}`;
}

function chownTree(path: string) {
  chownSync(path, NOBODY, NOBODY);
}

export interface MessageInFolder {
  uid: number;
  flags: Set<string>;
  source: Buffer;
  messageId: string | null;
}

export interface Dovecot {
  host: string;
  port: number;
  dir: string;
  imapFor(user: string): { host: string; port: number; secure: false; user: string; password: string };
  /** Drops a message into INBOX as if delivered while the filter was away (Maildir/new). */
  deliver(user: string, raw: string | Buffer): void;
  /** APPENDs over IMAP (what arrives while the filter idles). */
  append(user: string, raw: string | Buffer, folder?: string): Promise<void>;
  list(user: string, folder: string): Promise<MessageInFolder[]>;
  /** Messages in a folder by counting Maildir files: cheap enough to poll every few ms. */
  countOnDisk(user: string, folder: string): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  cleanup(): Promise<void>;
}

let seq = 0;

class PortTaken extends Error {}

/** `extraConfig`: more dovecot.conf lines, e.g. an `imap_capability` without MOVE. */
export async function startDovecot(users: string[], extraConfig = ''): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'wg-dovecot-'));
  chmodSync(dir, 0o755);
  let port = await freePort();
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, extraConfig));
  const home = (u: string) => join(dir, 'mail', u);
  writeFileSync(join(dir, 'users'), users.map((u) => `${u}:{PLAIN}${PASSWORD}:${NOBODY}:${NOBODY}::${home(u)}::\n`).join(''));
  for (const u of users) {
    for (const sub of ['', 'Maildir', 'Maildir/new', 'Maildir/cur', 'Maildir/tmp']) {
      mkdirSync(join(home(u), sub), { recursive: true });
      chownTree(join(home(u), sub));
    }
  }
  chownTree(join(dir, 'mail'));

  let proc: ChildProcess | null = null;
  const imapFor = (user: string) => ({ host: '127.0.0.1', port, secure: false as const, user, password: PASSWORD });

  async function waitReady() {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      // Dovecot exits at once when its port was taken after freePort() released it; whatever
      // answers there then is some other test's server.
      if (proc?.exitCode !== null) throw new PortTaken(`Dovecot exited at start (port ${port})`);
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: users[0]!, pass: PASSWORD }, logger: false });
      try {
        await c.connect();
        await c.logout();
        return;
      } catch {
        c.close();
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
    throw new Error(`Dovecot did not start on ${port}:\n${log}`);
  }

  async function start() {
    // Its own process group, so stop() takes the per-connection imap processes with it
    // (they outlive the master otherwise, and a "restart" would not drop any connection).
    proc = spawn('/usr/sbin/dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore', detached: true });
    await waitReady();
  }

  async function stop() {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    const group = (sig: NodeJS.Signals) => {
      try {
        process.kill(-p.pid!, sig);
      } catch {
        /* already gone */
      }
    };
    group('SIGTERM');
    const t = setTimeout(() => group('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
    group('SIGKILL');
    proc = null;
  }

  async function withClient<T>(user: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: PASSWORD }, logger: false });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  }

  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (e) {
      if (!(e instanceof PortTaken) || attempt >= 5) throw e;
      port = await freePort();
      writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, extraConfig));
    }
  }
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    dir,
    imapFor,
    deliver(user, raw) {
      seq += 1;
      const name = `${Date.now()}.M${seq}P${process.pid}.wardguard-test`;
      const tmp = join(home(user), 'Maildir', 'tmp', name);
      writeFileSync(tmp, raw);
      chownTree(tmp);
      const dest = join(home(user), 'Maildir', 'new', name);
      writeFileSync(dest, readFileSync(tmp));
      chownTree(dest);
      rmSync(tmp);
    },
    append: (user, raw, folder = 'INBOX') => withClient(user, async (c) => void (await c.append(folder, typeof raw === 'string' ? Buffer.from(raw) : raw))),
    list: (user, folder) =>
      withClient(user, async (c) => {
        const exists = (await c.list()).some((m) => m.path === folder);
        if (!exists) return [];
        const lock = await c.getMailboxLock(folder);
        try {
          const out: MessageInFolder[] = [];
          if (c.mailbox && c.mailbox.exists === 0) return out;
          for await (const m of c.fetch('1:*', { uid: true, flags: true, source: true, headers: ['message-id'] })) {
            const header = m.headers?.toString('utf8') ?? '';
            const id = /^message-id:\s*(.+)$/im.exec(header)?.[1]?.trim() ?? null;
            out.push({ uid: m.uid, flags: m.flags ?? new Set(), source: m.source!, messageId: id });
          }
          return out;
        } finally {
          lock.release();
        }
      }),
    countOnDisk(user, folder) {
      const base = folder === 'INBOX' ? join(home(user), 'Maildir') : join(home(user), 'Maildir', `.${folder}`);
      return ['cur', 'new'].reduce((n, sub) => n + (existsSync(join(base, sub)) ? readdirSync(join(base, sub)).length : 0), 0);
    },
    stop,
    start,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
