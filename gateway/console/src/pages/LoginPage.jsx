// Sign-in with NIP and password (POST /auth/login). Messages: wrong NIP or password (401), too many
// attempts with the moment the server names (429), a generic one otherwise.
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { LangSwitch } from '../components/LangSwitch.jsx';
import { t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { signIn } from '../lib/session.js';

function signInError(err) {
  if (!(err instanceof ApiError)) return t('error.generic');
  switch (err.status) {
    case 401:
      return t('login.wrongCredentials');
    case 429: {
      // "too many failed sign-ins; try again after 2025-03-01 10:15:00 WIB"
      const m = /after (.+)$/.exec(err.serverMessage);
      return m ? t('login.throttledUntil', { time: m[1] }) : t('login.throttled');
    }
    case 0:
      return t('error.network');
    default:
      return t('login.failed');
  }
}

export function LoginPage({ notice, onSignedIn }) {
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setError('');
    const n = nip.replace(/\s+/g, '');
    if (!/^\d{18}$/.test(n)) {
      setError(t('login.nipFormat'));
      return;
    }
    if (!password) {
      setError(t('login.passwordRequired'));
      return;
    }
    setBusy(true);
    try {
      const answer = await signIn(n, password);
      setPassword('');
      await onSignedIn(answer);
    } catch (err) {
      setError(signInError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="signin">
      <div class="signin-lang">
        <LangSwitch />
      </div>
      <form class="card signin-card form" onSubmit={submit} noValidate data-testid="login-form">
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        <Alert kind="info">{notice}</Alert>
        <Alert kind="error" testId="login-error">
          {error}
        </Alert>
        <Field label={t('login.nip')} htmlFor="login-nip">
          <input
            id="login-nip"
            name="nip"
            inputMode="numeric"
            autoComplete="username"
            maxLength={24}
            value={nip}
            onInput={(e) => setNip(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('login.password')} htmlFor="login-password">
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <button type="submit" class="button primary wide" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
      <p class="signin-footer">
        {t('app.footer')} · <a href="/api">{t('footer.api')}</a>
      </p>
    </div>
  );
}
