// "SKP Bawahan": the plans of the signed-in person's subordinates on the day, acting (PLT/PLH)
// included (GET /v1/employees/{nip}/subordinateSkps?year=), with what waits for them.
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { PredikatBadge, StateBadge, YearSelect } from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { messageFor } from '../lib/errors.js';
import { nipOf } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { hrefOf, navigate } from '../lib/router.js';
import { currentYear, parseSkpName, subordinateSkps } from '../lib/skp.js';

const TODO = {
  SKP_STATE_SUBMITTED: 'subordinates.todoApprove',
  SKP_STATE_APPROVED: 'subordinates.todoRate',
};

export function SubordinatesPage({ nip, query }) {
  const year = Number(query.get('year')) || currentYear();
  const list = useAsync(() => subordinateSkps(nip, year), [nip, year]);
  const rows = list.data ?? [];
  const waiting = rows.filter((s) => s.skp?.state === 'SKP_STATE_SUBMITTED').length;
  return (
    <section>
      <h1>{t('nav.subordinates')}</h1>
      <p class="muted">{t('subordinates.intro')}</p>
      <div class="form form-row toolbar">
        <Field label={t('skp.year')} htmlFor="subordinates-year">
          <YearSelect id="subordinates-year" value={year} onChange={(y) => navigate('/subordinates', { year: y })} />
        </Field>
      </div>
      <Alert kind="error">{list.error && messageFor(list.error)}</Alert>
      {list.loading && <Loading />}
      {!list.loading && !list.error && rows.length === 0 && (
        <p class="muted empty" data-testid="subordinates-empty">{t('subordinates.none')}</p>
      )}
      {!list.loading && waiting > 0 && (
        <Alert kind="info" testId="subordinates-waiting">{t('subordinates.waiting', { n: waiting })}</Alert>
      )}
      {!list.loading && rows.length > 0 && (
        <table class="table" data-testid="subordinate-skps">
          <thead>
            <tr>
              <th>{t('employee.name')}</th>
              <th>{t('employee.position')}</th>
              <th>{t('skp.state')}</th>
              <th>{t('skp.revision')}</th>
              <th>{t('skp.predikat')}</th>
              <th><span class="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const ref = s.skp ? parseSkpName(s.skp.name) : null;
              return (
                <tr key={s.employee}>
                  <td>
                    {s.employeeName}
                    <div class="mono muted small">{nipOf(s.employee)}</div>
                  </td>
                  <td>{s.positionTitle}</td>
                  <td>
                    <StateBadge state={s.skp?.state} />
                    {TODO[s.skp?.state] && <div class="small todo">{t(TODO[s.skp.state])}</div>}
                  </td>
                  <td>{s.skp ? s.skp.revision || 1 : '—'}</td>
                  <td><PredikatBadge predikat={s.skp?.evaluation?.predikat} /></td>
                  <td class="actions">
                    {ref && (
                      <a class="button secondary small-button" href={hrefOf(`/subordinates/${ref.nip}/${ref.id}`)}>
                        {t('subordinates.review')}
                      </a>
                    )}
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
