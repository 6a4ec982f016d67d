// `npm run admin -- <command> [options]`: manage councils, users and tokens directly in D1.
// Local by default (the state `npm start` uses); --remote for the deployed database.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@wardguard/shared';
import { createCouncil, createUser, issueToken, listCouncils, listUsers, resolveCouncil, revokeToken } from './lib/principals.ts';
import { applyMigrations, type Store } from './lib/wrangler.ts';
import { createCouncilPackKey, createPackKey } from './lib/create-pack-key.ts';

const USAGE = `Usage: npm run admin -- <command> [--remote] [--persist-to <dir>]

Commands:
  create-council --name <name>
  list-councils
  create-user --name <name> --role <${ROLES.join('|')}> [--email <address>] [--council <id>] [--no-token]
  issue-token --user <id> [--label <text>]
  revoke-token --token <token id>
  list-users
  create-pack-key [--rotate]   the council's Ed25519 key for signing evidence packs
                               (local: .dev.vars; --remote: the PACK_SIGNING_KEY Worker secret)
  create-pack-key --council <id>
                               that council's own key, in PACK_SIGNING_KEYS (local .dev.vars only)

Tokens are printed once and stored only as SHA-256 hashes. The private pack key is never printed.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    email: { type: 'string' },
    council: { type: 'string' },
    user: { type: 'string' },
    token: { type: 'string' },
    label: { type: 'string', default: '' },
    'no-token': { type: 'boolean', default: false },
    rotate: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function need(name: keyof typeof values): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    console.error(`Missing --${name}.\n\n${USAGE}`);
    process.exit(2);
  }
  return v.trim();
}

const store: Store = values.remote ? { remote: true } : values['persist-to'] ? { persistTo: values['persist-to'] } : {};
const command = positionals[0];

try {
  if (!command || values.help) {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  if (!store.remote) await applyMigrations(store);
  switch (command) {
    case 'create-council': {
      const id = await createCouncil(need('name'), store);
      console.log(`council ${id}`);
      break;
    }
    case 'list-councils':
      for (const c of await listCouncils(store)) console.log(`${c.id}  ${c.name}`);
      break;
    case 'create-user': {
      const role = need('role');
      if (!(ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
      const councilId = await resolveCouncil(store, values.council);
      const user = await createUser(
        store,
        councilId,
        { name: need('name'), role: role as Role, ...(values.email ? { email: values.email } : {}) },
        values['no-token'] ? undefined : { label: values.label },
      );
      console.log(`user ${user.id} (${role}, exhibit prefix ${user.initials})`);
      if (user.token) console.log(`token ${user.token.id}\n\n  ${user.token.token}\n\nCopy it now: it is shown only once.`);
      break;
    }
    case 'issue-token': {
      const t = await issueToken(store, need('user'), values.label);
      console.log(`token ${t.id}\n\n  ${t.token}\n\nCopy it now: it is shown only once.`);
      break;
    }
    case 'revoke-token': {
      const ok = await revokeToken(store, need('token'));
      if (!ok) throw new Error('No such live token.');
      console.log('revoked');
      break;
    }
    case 'list-users':
      for (const u of await listUsers(store))
        console.log(`${u.id}  ${u.role.padEnd(10)} ${u.initials.padEnd(5)} ${u.name}${u.email ? ` <${u.email}>` : ''}  [${u.council}] tokens:${u.live_tokens}`);
      break;
    case 'create-pack-key':
      // Remote: refused before any call to D1 (see createCouncilPackKey).
      if (values.council) console.log(createCouncilPackKey(store, store.remote ? values.council : await resolveCouncil(store, values.council)));
      else console.log(await createPackKey(store, values.rotate));
      break;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exit(2);
  }
} catch (err) {
  console.error(`admin: ${(err as Error).message}`);
  process.exit(1);
}
