// "SKP Saya": the signed-in employee's plans (GET /v1/employees/{nip}/skps), newest year first, and
// the creation of this year's plan for the assignment active today (POST .../skps).
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { PredikatBadge, StateBadge } from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { newRequestId } from '../lib/directory.js';
import { formProblem, messageFor, violationMap } from '../lib/errors.js';
import { enumLabel } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { hrefOf, navigate } from '../lib/router.js';
import { APPROACHES, createSkp, currentYear, listSkps, opdCode, parseSkpName } from '../lib/skp.js';

function CreateForm({ nip, year }) {
  const [approach, setApproach] = useState('SKP_APPROACH_KUANTITATIF');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // One id per attempt to create: a retry after a lost answer does not make a second plan.
  const [requestId] = useState(newRequestId);

  async function submit(event) {
    event.preventDefault();
    setError('');
    setBusy(true);
    try {
      const skp = await createSkp(nip, { year, approach }, requestId);
      const ref = parseSkpName(skp.name);
      navigate(`/skp/${ref.id}`);
    } catch (err) {
      setError(formProblem(err, Object.entries(violationMap(err))));
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="skp-create">
      <h2>{t('skp.createTitle', { year })}</h2>
      <p class="muted">{t('skp.createIntro')}</p>
      <Alert kind="error" testId="skp-create-error">{error}</Alert>
      <div class="form-row">
        <Field label={t('skp.approach')} htmlFor="skp-create-approach" hint={t('skp.approachHint')}>
          <select id="skp-create-approach" value={approach} onChange={(e) => setApproach(e.currentTarget.value)}>
            {APPROACHES.map((a) => (
              <option key={a} value={a}>{enumLabel('SkpApproach', a)}</option>
            ))}
          </select>
        </Field>
        <div class="field field-button">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('common.saving') : t('skp.create', { year })}
          </button>
        </div>
      </div>
    </form>
  );
}

export function MySkpPage({ nip }) {
  const year = currentYear();
  const list = useAsync(() => listSkps(nip), [nip]);
  if (list.loading && !list.data) return <Loading />;
  const skps = list.data ?? [];
  const hasCurrent = skps.some((s) => s.year === year && s.state !== 'SKP_STATE_CLOSED_BY_TRANSFER');
  return (
    <section>
      <h1>{t('nav.mySkp')}</h1>
      <p class="muted">{t('skp.myIntro')}</p>
      <Alert kind="error">{list.error && messageFor(list.error)}</Alert>
      {!list.error && !hasCurrent && <CreateForm nip={nip} year={year} />}
      <h2>{t('skp.myPlans')}</h2>
      {!list.error && skps.length === 0 && <p class="muted" data-testid="skp-none">{t('skp.noneYet')}</p>}
      {skps.length > 0 && (
        <table class="table" data-testid="my-skps">
          <thead>
            <tr>
              <th>{t('skp.year')}</th>
              <th>{t('employee.position')}</th>
              <th>{t('employee.opd')}</th>
              <th>{t('skp.state')}</th>
              <th>{t('skp.revision')}</th>
              <th>{t('skp.predikat')}</th>
              <th><span class="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {skps.map((s) => {
              const ref = parseSkpName(s.name);
              return (
                <tr key={s.name}>
                  <td>{s.year}</td>
                  <td>{s.positionTitle}</td>
                  <td>{opdCode(s.opd)}</td>
                  <td>
                    <StateBadge state={s.state} />
                    {s.returnNote && s.state === 'SKP_STATE_RETURNED' && (
                      <span class="badge badge-warn">{t('skp.hasNote')}</span>
                    )}
                  </td>
                  <td>{s.revision || 1}</td>
                  <td><PredikatBadge predikat={s.evaluation?.predikat} /></td>
                  <td class="actions">
                    <a class="button secondary small-button" href={hrefOf(`/skp/${ref.id}`)}>{t('skp.open')}</a>{' '}
                    <a class="button secondary small-button" href={hrefOf(`/print/skp/${ref.nip}/${ref.id}`)}>
                      {t('skp.print')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
