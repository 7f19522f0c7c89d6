// An OPD's SKP year (#/skp-dashboard?opd=&year=) for OPD heads and operators (their OPDs), evaluators
// and BKPP administrators: counts by state, the employees without an SKP for their current assignment
// (with the OPD they came from), the predikat distribution against the quota of the organisation
// predikat (GET /v1/opds/{opd}/years/{year}/skpSummary), the organisation predikat (PUT
// .../organizationPredikat, evaluators and administrators) and the finalisation (POST ...:finalizeSkps,
// OPD heads and administrators), whose refusal shows the server's reason.
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { PredikatBars, QuotaChecks, StateBars } from '../components/QuotaChart.jsx';
import { YearSelect } from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { allOpds } from '../lib/directory.js';
import { formProblem, messageFor, violationMap } from '../lib/errors.js';
import { enumLabel, formatDate, nipOf } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { navigate } from '../lib/router.js';
import { mayFinalize } from '../lib/roles.js';
import {
  ORG_PREDIKATS,
  SKP_STATES,
  currentYear,
  finalizeOpdSkps,
  opdCode,
  opdSkpSummary,
  positionCode,
  setOrganizationPredikat,
} from '../lib/skp.js';

function OrganizationPredikat({ opd, year, quota, editable, onSaved }) {
  const current = quota?.organizationPredikat || '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(current), [current]);
  async function save(event) {
    event.preventDefault();
    setError('');
    setDone('');
    if (!value) {
      setError(t('dashboard.choosePredikat'));
      return;
    }
    setBusy(true);
    try {
      const r = await setOrganizationPredikat(opd, year, value);
      setDone(t('dashboard.orgPredikatSaved', { predikat: enumLabel('OrgPredikat', r.predikat) }));
      onSaved();
    } catch (err) {
      setError(formProblem(err, Object.entries(violationMap(err))));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="card" data-testid="org-predikat">
      <h2>{t('dashboard.orgPredikat')}</h2>
      <p>
        {current ? (
          <strong data-testid="org-predikat-value">{enumLabel('OrgPredikat', current)}</strong>
        ) : (
          <span class="muted" data-testid="org-predikat-value">{t('dashboard.noOrgPredikat')}</span>
        )}
      </p>
      <p class="muted small">{t('dashboard.orgPredikatIntro')}</p>
      {editable && (
        <form class="form form-row" onSubmit={save} noValidate>
          <Field label={t('dashboard.setOrgPredikat')} htmlFor="org-predikat-select">
            <select id="org-predikat-select" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
              <option value="">{t('dashboard.choosePredikat')}</option>
              {ORG_PREDIKATS.map((p) => (
                <option key={p} value={p}>{enumLabel('OrgPredikat', p)}</option>
              ))}
            </select>
          </Field>
          <div class="field field-button">
            <button type="submit" class="button secondary" disabled={busy || value === current}>
              {busy ? t('common.saving') : t('dashboard.saveOrgPredikat')}
            </button>
          </div>
        </form>
      )}
      <Alert kind="error">{error}</Alert>
      <Alert kind="success">{done}</Alert>
    </div>
  );
}

function Finalize({ opd, year, summary, onDone }) {
  const [result, setResult] = useState(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const evaluated = (summary.states ?? []).find((s) => s.state === 'SKP_STATE_EVALUATED')?.count ?? 0;
  async function finalize() {
    setConfirming(false);
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setResult(await finalizeOpdSkps(opd, year));
      onDone();
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="card" data-testid="finalize">
      <h2>{t('dashboard.finalizeTitle')}</h2>
      <p class="muted small">
        {t('dashboard.finalizeIntro', { n: evaluated })}{' '}
        {summary.quota?.blocksFinalization ? t('dashboard.quotaBlocks') : t('dashboard.quotaWarns')}
      </p>
      <Alert kind="error" testId="finalize-error">{error}</Alert>
      {result && (
        <Alert kind="success" testId="finalize-done">
          {t('dashboard.finalized', { n: result.finalized ?? 0, rest: result.notEvaluated ?? 0 })}
        </Alert>
      )}
      {confirming ? (
        // Final cannot be undone: the button asks once more, naming how many plans it makes final.
        <div role="alertdialog" aria-label={t('dashboard.finalizeConfirmTitle')} data-testid="finalize-confirm">
          <p>{t('dashboard.finalizeConfirm', { n: evaluated, year })}</p>
          <button type="button" class="button primary" onClick={finalize} data-testid="finalize-confirm-yes">
            {t('dashboard.finalizeConfirmYes', { n: evaluated })}
          </button>{' '}
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="button primary"
          disabled={busy}
          onClick={() => setConfirming(true)}
          data-testid="finalize-button"
        >
          {busy ? t('common.saving') : t('dashboard.finalize', { year })}
        </button>
      )}
    </div>
  );
}

function Summary({ opd, year, caps }) {
  const summary = useAsync(() => opdSkpSummary(opd, year), [opd, year]);
  if (summary.loading && !summary.data) return <Loading />;
  if (summary.error) return <Alert kind="error">{messageFor(summary.error)}</Alert>;
  const s = summary.data;
  const withSkp = (s.states ?? []).reduce((sum, x) => sum + (x.count ?? 0), 0);
  const without = s.withoutSkp ?? [];
  const quota = s.quota ?? {};
  return (
    <div data-testid="skp-summary">
      <div class="stat-row">
        <div class="stat">
          <span class="stat-value" data-testid="stat-employees">{s.employees ?? 0}</span>
          <span class="stat-label">{t('dashboard.employees')}</span>
        </div>
        <div class="stat">
          <span class="stat-value" data-testid="stat-with-skp">{withSkp}</span>
          <span class="stat-label">{t('dashboard.withSkp', { year })}</span>
        </div>
        <div class={`stat${without.length > 0 ? ' stat-warn' : ''}`}>
          <span class="stat-value" data-testid="stat-without-skp">{without.length}</span>
          <span class="stat-label">{t('dashboard.withoutSkp')}</span>
        </div>
      </div>

      <h2>{t('dashboard.byState')}</h2>
      <StateBars states={s.states} employees={s.employees} order={SKP_STATES} />

      <h2>{t('dashboard.distribution')}</h2>
      <div class="two-col">
        <PredikatBars predikats={s.predikats} />
        <div>
          <p>
            {t('dashboard.quotaOf')}{' '}
            <strong>{quota.organizationPredikat ? enumLabel('OrgPredikat', quota.organizationPredikat) : t('dashboard.noOrgPredikat')}</strong>
          </p>
          {quota.organizationPredikat ? (
            <p data-testid="quota-status">
              <span class={quota.satisfied ? 'result-ok' : 'result-bad'}>
                {quota.satisfied ? t('dashboard.quotaSatisfied') : t('dashboard.quotaViolated')}
              </span>
            </p>
          ) : (
            <p class="muted">{t('dashboard.quotaNeedsOrgPredikat')}</p>
          )}
        </div>
      </div>
      <QuotaChecks quota={quota} />

      <div class="two-col">
        <OrganizationPredikat opd={opd} year={year} quota={quota} editable={caps.setOrganizationPredikat} onSaved={summary.reload} />
        {mayFinalize(caps, opd) && <Finalize opd={opd} year={year} summary={s} onDone={summary.reload} />}
      </div>

      <h2>{t('dashboard.withoutTitle', { n: without.length })}</h2>
      <p class="muted small">{t('dashboard.withoutIntro')}</p>
      {without.length === 0 ? (
        <p class="muted">{t('dashboard.everyoneHasSkp')}</p>
      ) : (
        <table class="table" data-testid="without-skp">
          <thead>
            <tr>
              <th>{t('employee.name')}</th>
              <th>{t('employee.nip')}</th>
              <th>{t('employee.position')}</th>
              <th>{t('employee.since')}</th>
              <th>{t('dashboard.previousOpd')}</th>
            </tr>
          </thead>
          <tbody>
            {without.map((w) => (
              <tr key={w.employee} class={w.previousOpd ? 'moved' : ''}>
                <td>{w.name}</td>
                <td class="mono">{nipOf(w.employee)}</td>
                <td>
                  {w.positionTitle} <span class="mono muted small">({positionCode(w.position)})</span>
                </td>
                <td>{formatDate(w.assignmentStart)}</td>
                <td>{w.previousOpd ? <span class="badge badge-warn">{t('dashboard.movedFrom', { opd: opdCode(w.previousOpd) })}</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SkpDashboardPage({ caps, query }) {
  const choices = useAsync(
    () => (caps.skpDashboardAllOpds ? allOpds() : Promise.resolve(caps.opdCodes.map((code) => ({ code, displayName: '' })))),
    [caps.skpDashboardAllOpds, caps.opdCodes.join(',')],
  );
  const year = Number(query.get('year')) || currentYear();
  const asked = query.get('opd') ?? '';
  const codes = (choices.data ?? []).map((o) => o.code);
  const opd = codes.includes(asked) ? asked : '';
  useEffect(() => {
    if (!choices.loading && codes.length > 0 && !opd) navigate('/skp-dashboard', { opd: codes[0], year }, true);
  }, [choices.loading, opd, codes.join(','), year]);
  const go = (next) => navigate('/skp-dashboard', { opd, year, ...next });
  return (
    <section>
      <h1>{t('nav.skpDashboard')}</h1>
      <p class="muted">{t('dashboard.intro')}</p>
      <div class="form form-row toolbar" data-testid="dashboard-filters">
        <Field label={t('employee.opd')} htmlFor="dashboard-opd" wide>
          <select id="dashboard-opd" value={opd} onChange={(e) => go({ opd: e.currentTarget.value })}>
            {(choices.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>{o.displayName ? `${o.code} — ${o.displayName}` : o.code}</option>
            ))}
          </select>
        </Field>
        <Field label={t('skp.year')} htmlFor="dashboard-year">
          <YearSelect id="dashboard-year" value={year} onChange={(y) => go({ year: y })} />
        </Field>
      </div>
      <Alert kind="error">{choices.error && messageFor(choices.error)}</Alert>
      {choices.loading && <Loading />}
      {opd && <Summary key={`${opd}-${year}`} opd={opd} year={year} caps={caps} />}
    </section>
  );
}
