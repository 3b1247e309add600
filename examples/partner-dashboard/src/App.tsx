import { useMemo, useState } from 'react';
import { activityIdentifier, SuperOfficeProvider } from 'superoffice-activity-react';
import { ActivityDetail } from './ActivityDetail';
import { ActivityTable } from './ActivityTable';
import { useArchiveActivities } from './archive';
import type { LanguageCode } from './languages';
import { authFor, type SignInChoice, setDemoXsrfCookie } from './signIn';
import { Toolbar } from './Toolbar';

const SUPEROFFICE_API = import.meta.env.VITE_SUPEROFFICE_API;

setDemoXsrfCookie();

export function App() {
  const [language, setLanguage] = useState<LanguageCode>('en');
  const [signIn, setSignIn] = useState<SignInChoice>('Bearer');
  const [hideCompleted, setHideCompleted] = useState(false);
  const [selected, setSelected] = useState<string>();
  const auth = useMemo(() => authFor(signIn), [signIn]);
  const archive = useArchiveActivities();

  if (!SUPEROFFICE_API) {
    return (
      <p role="alert" className="notice">
        VITE_SUPEROFFICE_API is not set. Start the example with <code>npm run example</code> from
        the repository root.
      </p>
    );
  }
  const rows = archive.data ?? [];
  const selectedRow = rows.find((row) => activityIdentifier(row.kind, row.id) === selected);

  return (
    <SuperOfficeProvider baseUrl={SUPEROFFICE_API} auth={auth} language={language}>
      <header className="masthead">
        <h1>Follow-ups</h1>
        <Toolbar
          language={language}
          onLanguageChange={setLanguage}
          signIn={signIn}
          onSignInChange={setSignIn}
          hideCompleted={hideCompleted}
          onHideCompletedChange={setHideCompleted}
        />
      </header>
      <main className="layout">
        {archive.isError ? (
          <p role="alert" className="notice">
            Could not load the activities: {archive.error.message}
          </p>
        ) : (
          <ActivityTable
            rows={rows}
            loading={archive.isPending}
            language={language}
            hideCompleted={hideCompleted}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        <ActivityDetail row={selectedRow} language={language} />
      </main>
    </SuperOfficeProvider>
  );
}
