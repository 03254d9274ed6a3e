import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';
import type { Session } from '../api/session.js';
import { Field, invalidProps } from './field.js';
import { ProblemNotice } from './problem-notice.js';

export function LoginForm(props: { session: Session; onSignedIn: () => void; notice?: unknown }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(props.notice);
  const [busy, setBusy] = useState(false);
  const api = error instanceof ApiError ? error : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.session.logIn(username, password);
      props.onSignedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const userError = api?.fieldError('username');
  const passwordError = api?.fieldError('password');
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">
          <span class="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Atelier
        </h1>
        <p class="muted">Sign in to your workspace</p>
        {api?.code === 'invalid_credentials' ? (
          <p class="notice notice-error" role="alert">
            Wrong username or password.
          </p>
        ) : (
          error !== undefined && !userError && !passwordError && <ProblemNotice error={error} />
        )}
        <Field id="login-username" label="Username" error={userError}>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            {...invalidProps('login-username', userError)}
          />
        </Field>
        <Field id="login-password" label="Password" error={passwordError}>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            {...invalidProps('login-password', passwordError)}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
