import { useEffect, useState } from 'preact/hooks';
import { api, onSignedOut, setCsrfToken } from './lib/api.ts';
import type { Me } from './lib/types.ts';
import { useRoute } from './lib/route.ts';
import { SignIn } from './views/sign-in.tsx';
import { Layout } from './components/layout.tsx';
import { QueueView } from './views/queue.tsx';
import { MessageView } from './views/message.tsx';
import { CasesView } from './views/cases.tsx';
import { CaseView } from './views/case.tsx';
import { EvidenceListView } from './views/evidence.tsx';
import { PerpetratorsView } from './views/perpetrators.tsx';
import { PerpetratorView } from './views/perpetrator.tsx';
import { TemplatesView } from './views/templates.tsx';
import { PublicVerifyPage, VerifyView } from './views/verify.tsx';
import { HomeView } from './views/home.tsx';
import { DiaryListView } from './views/diary.tsx';
import { DiaryEntryView } from './views/diary-entry.tsx';
import { CustodyView } from './views/custody.tsx';
import { UsersView } from './views/users.tsx';
import { LiaisonCasesView } from './views/liaison-cases.tsx';
import { LiaisonCaseView } from './views/liaison-case.tsx';
import { SearchView } from './views/search.tsx';
import { OverviewView } from './views/overview.tsx';

/** What a councillor may open; anything else (the overview, the queue, perpetrators, templates) takes them home. */
const COUNCILLOR_ROUTES = new Set(['home', 'cases', 'case', 'evidence', 'verify', 'diary', 'diary-entry', 'custody', 'search']);

export function App() {
  const [me, setMe] = useState<Me | null | 'loading'>('loading');
  const route = useRoute();

  useEffect(() => {
    api<Me>('/session')
      .then((m) => {
        setCsrfToken(m.csrfToken ?? '');
        setMe(m);
      })
      .catch(() => setMe(null));
    return onSignedOut(() => setMe(null));
  }, []);

  if (me === 'loading') return <p class="loading">Loading…</p>;
  if (me === null) {
    // Whoever is handed a pack (a police officer, a platform) can check it without an account.
    if (route.name === 'verify') return <PublicVerifyPage />;
    return (
      <SignIn
        onSignedIn={(m) => {
          setCsrfToken(m.csrfToken ?? '');
          setMe(m);
        }}
      />
    );
  }
  if (me.role === 'liaison') {
    // A police liaison has their referred cases and the pack verifier; every other address takes them to the list.
    return (
      <Layout me={me} route={route} onSignedOut={() => setMe(null)}>
        {route.name === 'referred-case' ? <LiaisonCaseView id={route.id} /> : route.name === 'verify' ? <VerifyView /> : <LiaisonCasesView me={me} />}
      </Layout>
    );
  }
  const staff = me.role === 'officer' || me.role === 'admin';
  return (
    <Layout me={me} route={route} onSignedOut={() => setMe(null)}>
      {!staff && (route.name === 'home' || !COUNCILLOR_ROUTES.has(route.name)) ? (
        <HomeView me={me} />
      ) : route.name === 'message' ? (
        <MessageView id={route.id} />
      ) : route.name === 'cases' ? (
        <CasesView staff={staff} />
      ) : route.name === 'case' ? (
        <CaseView id={route.id} staff={staff} />
      ) : route.name === 'evidence' ? (
        <EvidenceListView staff={staff} />
      ) : route.name === 'perpetrators' ? (
        <PerpetratorsView />
      ) : route.name === 'perpetrator' ? (
        <PerpetratorView id={route.id} />
      ) : route.name === 'templates' ? (
        <TemplatesView />
      ) : route.name === 'verify' ? (
        <VerifyView />
      ) : route.name === 'diary' ? (
        <DiaryListView staff={staff} />
      ) : route.name === 'diary-entry' ? (
        <DiaryEntryView id={route.id} />
      ) : route.name === 'custody' ? (
        <CustodyView itemId={route.itemId} me={me} />
      ) : route.name === 'search' ? (
        <SearchView staff={staff} query={route.query} />
      ) : route.name === 'users' ? (
        me.role === 'admin' ? (
          <UsersView />
        ) : (
          <p class="notice">Users and tokens are managed by your council's Wardguard administrators.</p>
        )
      ) : route.name === 'queue' ? (
        <QueueView />
      ) : (
        <OverviewView />
      )}
    </Layout>
  );
}
