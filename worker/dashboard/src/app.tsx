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
  const staff = me.role === 'officer' || me.role === 'admin';
  return (
    <Layout me={me} route={route} onSignedOut={() => setMe(null)}>
      {!staff && route.name !== 'cases' && route.name !== 'case' && route.name !== 'evidence' && route.name !== 'verify' ? (
        <section>
          <h1>Review queue</h1>
          <p role="alert" class="notice">
            The review queue is for your council's officers. Councillors can see their own cases.
          </p>
        </section>
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
      ) : (
        <QueueView />
      )}
    </Layout>
  );
}
