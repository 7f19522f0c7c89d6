// Employee search (GET /v1/employees with ListEmployeesRequest's filters: name_prefix, opd,
// position_kind), 20 to a page. OPD heads and operators search within their OPDs only.
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { Pager } from '../components/Pager.jsx';
import { t } from '../i18n/index.js';
import { allOpds, employeePage } from '../lib/directory.js';
import { messageFor } from '../lib/errors.js';
import { enumLabel } from '../lib/format.js';
import { useAsync, usePagedList } from '../lib/hooks.js';
import { hrefOf, navigate } from '../lib/router.js';

const POSITION_KINDS = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'];

function Results({ filters }) {
  const list = usePagedList((token) => employeePage(filters, token));
  return (
    <div class="results" data-testid="employee-results">
      <Alert kind="error">{list.error && messageFor(list.error)}</Alert>
      {list.loading && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && <p class="muted">{t('employees.none')}</p>}
      {!list.loading && list.items.length > 0 && (
        <table class="table" data-testid="employee-table">
          <thead>
            <tr>
              <th>{t('employee.nip')}</th>
              <th>{t('employee.name')}</th>
              <th>{t('employee.position')}</th>
              <th>{t('employee.opd')}</th>
              <th>{t('employee.type')}</th>
              <th>{t('employee.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((e) => (
              <tr key={e.nip}>
                <td class="mono">
                  <a href={hrefOf(`/employees/${e.nip}`)}>{e.nip}</a>
                </td>
                <td>{e.fullName}</td>
                <td>{e.currentAssignment?.positionTitle ?? '—'}</td>
                <td>{e.currentAssignment?.opd ?? '—'}</td>
                <td>{enumLabel('EmployeeType', e.employeeType)}</td>
                <td>{enumLabel('EmployeeStatus', e.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager list={list} />
    </div>
  );
}

export function EmployeeSearchPage({ caps, query }) {
  const opdChoices = useAsync(
    () => (caps.allOpds ? allOpds() : Promise.resolve(caps.opdCodes.map((code) => ({ code, displayName: '' })))),
    [caps.allOpds, caps.opdCodes.join(',')],
  );
  const applied = {
    namePrefix: query.get('name') ?? '',
    opd: query.get('opd') ?? '',
    positionKind: query.get('kind') ?? '',
  };
  const [form, setForm] = useState(applied);
  const appliedKey = `${applied.namePrefix}|${applied.opd}|${applied.positionKind}`;
  useEffect(() => setForm(applied), [appliedKey]);

  // OPD roles: always within one of their OPDs.
  const needsOpd = !caps.allOpds && (applied.opd === '' || !caps.opdCodes.includes(applied.opd));
  useEffect(() => {
    if (needsOpd && caps.opdCodes.length > 0) {
      navigate('/employees', { name: applied.namePrefix, opd: caps.opdCodes[0], kind: applied.positionKind }, true);
    }
  }, [needsOpd, appliedKey]);

  const update = (field) => (e) => setForm({ ...form, [field]: e.currentTarget.value });
  function submit(event) {
    event.preventDefault();
    navigate('/employees', { name: form.namePrefix.trim(), opd: form.opd, kind: form.positionKind });
  }

  return (
    <section>
      <h1>{t('employees.title')}</h1>
      {!caps.allOpds && <p class="muted">{t('employees.scopeOpd', { opds: caps.opdCodes.join(', ') })}</p>}
      <form class="card form form-row" onSubmit={submit} role="search" data-testid="employee-search">
        <Field label={t('employees.namePrefix')} htmlFor="search-name">
          <input id="search-name" type="search" value={form.namePrefix} onInput={update('namePrefix')} maxLength={200} />
        </Field>
        <Field label={t('employee.opd')} htmlFor="search-opd">
          <select id="search-opd" value={form.opd} onChange={update('opd')}>
            {caps.allOpds && <option value="">{t('employees.allOpds')}</option>}
            {(opdChoices.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>
                {o.displayName ? `${o.code} — ${o.displayName}` : o.code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('employees.positionKind')} htmlFor="search-kind">
          <select id="search-kind" value={form.positionKind} onChange={update('positionKind')}>
            <option value="">{t('employees.allKinds')}</option>
            {POSITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {enumLabel('PositionKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <div class="field field-button">
          <button type="submit" class="button primary">
            {t('employees.search')}
          </button>
        </div>
      </form>
      <Alert kind="error">{opdChoices.error && messageFor(opdChoices.error)}</Alert>
      {!needsOpd && <Results key={appliedKey} filters={applied} />}
    </section>
  );
}
