import type { ComponentChildren } from 'preact';
import { api } from '../lib/api.ts';
import type { Me } from '../lib/types.ts';
import type { Route } from '../lib/route.ts';
import { Masthead } from './masthead.tsx';
import { ThreatBanner } from './threat-banner.tsx';

export function Layout({ me, route, children, onSignedOut }: { me: Me; route: Route; children: ComponentChildren; onSignedOut: () => void }) {
  const staff = me.role === 'officer' || me.role === 'admin';
  const liaison = me.role === 'liaison';
  const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : undefined);
  const signOut = async () => {
    await api('/session', { method: 'DELETE' }).catch(() => undefined);
    onSignedOut();
  };
  return (
    <>
      <Masthead>
        <span class="council">{me.councilName}</span>
        <nav aria-label="Main">
          {liaison && (
            <a href="#/referred" aria-current={route.name === 'verify' ? undefined : 'page'}>
              Referred cases
            </a>
          )}
          {!staff && !liaison && (
            <a href="#/home" aria-current={current(['home', 'queue', 'overview'])}>
              Home
            </a>
          )}
          {staff && (
            <a href="#/overview" aria-current={current(['overview'])}>
              Overview
            </a>
          )}
          {staff && (
            <a href="#/queue" aria-current={current(['queue', 'message'])}>
              Review queue
            </a>
          )}
          {!liaison && (
            <>
              <a href="#/cases" aria-current={current(['cases', 'case'])}>
                Cases
              </a>
              <a href="#/evidence" aria-current={current(['evidence'])}>
                Evidence
              </a>
              <a href="#/diary" aria-current={current(['diary', 'diary-entry'])}>
                Diary
              </a>
              <a href="#/search" aria-current={current(['search'])}>
                Search
              </a>
            </>
          )}
          {staff && (
            <a href="#/perpetrators" aria-current={current(['perpetrators', 'perpetrator'])}>
              Perpetrators
            </a>
          )}
          {staff && (
            <a href="#/templates" aria-current={current(['templates'])}>
              Reply templates
            </a>
          )}
          {staff && (
            <a href="#/custody" aria-current={current(['custody'])}>
              Custody chain
            </a>
          )}
          {me.role === 'admin' && (
            <a href="#/users" aria-current={current(['users'])}>
              Users
            </a>
          )}
          <a href="#/verify" aria-current={current(['verify'])}>
            Verify a pack
          </a>
        </nav>
        <span class="who">
          {me.name} ({me.role})
        </span>
        <button type="button" class="link" onClick={signOut}>
          Sign out
        </button>
      </Masthead>
      {staff && <ThreatBanner />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
