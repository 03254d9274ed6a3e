import { useMemo, useState } from 'preact/hooks';
import { Session } from './api/session.js';
import { LoginForm } from './components/login-form.js';
import { Workspace } from './workspace.js';

export function App() {
  const session = useMemo(() => new Session(), []);
  const [signedIn, setSignedIn] = useState(false);
  const [notice, setNotice] = useState<unknown>();
  session.onSignedOut = (reason) => {
    setNotice(reason);
    setSignedIn(false);
  };

  if (!signedIn) {
    return (
      <LoginForm
        session={session}
        notice={notice}
        onSignedIn={() => {
          setNotice(undefined);
          setSignedIn(true);
        }}
      />
    );
  }
  return <Workspace session={session} />;
}
