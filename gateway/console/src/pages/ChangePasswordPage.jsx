// Change of password (POST /v1/me:changePassword): required before anything else when the account
// must change it, and open to everyone from the header.
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { fieldErrors, messageFor } from '../lib/errors.js';
import { changePassword } from '../lib/session.js';

export function ChangePasswordPage({ forced, onChanged }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setGeneral('');
    const local = {};
    if (!current) local.current = t('password.required');
    if (!next) local.next = t('password.required');
    if (next && confirm !== next) local.confirm = t('password.mismatch');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.wrongCurrentPassword) {
        setErrors({ current: t('password.wrongCurrent') });
      } else if (err instanceof ApiError && err.status === 400) {
        const { byField, other } = fieldErrors(err, ['newpassword', 'currentpassword']);
        setErrors({ next: byField.newpassword, current: byField.currentpassword });
        if (other.length > 0 || (!byField.newpassword && !byField.currentpassword)) setGeneral(messageFor(err));
      } else if (err instanceof ApiError && err.status === 429) {
        const m = /after (.+)$/.exec(err.serverMessage);
        setGeneral(m ? t('login.throttledUntil', { time: m[1] }) : t('login.throttled'));
      } else if (!(err instanceof ApiError && err.status === 401)) {
        setGeneral(messageFor(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="narrow">
      <h1>{t('password.title')}</h1>
      {forced && <Alert kind="info">{t('password.forced')}</Alert>}
      <Alert kind="error">{general}</Alert>
      <form class="card form" onSubmit={submit} noValidate data-testid="password-form">
        <Field label={t('password.current')} htmlFor="pw-current" error={errors.current}>
          <input id="pw-current" type="password" autoComplete="current-password" value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)} />
        </Field>
        <Field label={t('password.new')} htmlFor="pw-new" error={errors.next} hint={t('password.rules')}>
          <input id="pw-new" type="password" autoComplete="new-password" value={next}
            onInput={(e) => setNext(e.currentTarget.value)} />
        </Field>
        <Field label={t('password.confirm')} htmlFor="pw-confirm" error={errors.confirm}>
          <input id="pw-confirm" type="password" autoComplete="new-password" value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
