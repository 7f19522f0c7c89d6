// One employee: identity and current position (GET /v1/employees/{nip}), superior today
// (GET .../superior), history of positions (GET .../assignments) and, for BKPP administrators, the
// transfer form; a recorded transfer refreshes all three.
import { Alert } from '../components/Alert.jsx';
import { Loading } from '../components/Loading.jsx';
import { t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { getEmployee, getSuperior, listAssignments } from '../lib/directory.js';
import { messageFor } from '../lib/errors.js';
import { enumLabel, formatDate } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { hrefOf } from '../lib/router.js';
import { AssignmentHistory } from './AssignmentHistory.jsx';
import { TransferForm } from './TransferForm.jsx';

function SuperiorFacts({ superior }) {
  if (superior.loading && !superior.data) return <Loading />;
  const err = superior.error;
  if (err instanceof ApiError && err.status === 404) return <p class="muted">{t('employee.noSuperior')}</p>;
  if (err instanceof ApiError && err.status === 412) return <p class="muted">{t('employee.noAssignmentToday')}</p>;
  if (err) return <Alert kind="error">{messageFor(err)}</Alert>;
  const s = superior.data;
  const e = s.employee ?? {};
  return (
    <p data-testid="superior">
      <a href={hrefOf(`/employees/${e.nip}`)}>{e.fullName}</a> <span class="mono muted">{e.nip}</span>
      {' — '}
      {e.currentAssignment?.positionTitle ?? s.position}
      {s.acting && <span class="badge">{enumLabel('ActingKind', s.actingKind)}</span>}
    </p>
  );
}

export function EmployeePage({ nip, caps, isSelf }) {
  const employee = useAsync(() => getEmployee(nip), [nip]);
  const history = useAsync(() => listAssignments(nip), [nip]);
  const superior = useAsync(() => getSuperior(nip), [nip]);

  if (employee.loading && !employee.data) return <Loading />;
  if (employee.error) {
    const notMine = isSelf && employee.error instanceof ApiError && employee.error.status === 404;
    return (
      <section>
        <h1>{isSelf ? t('nav.me') : t('employee.title')}</h1>
        <Alert kind="error">{notMine ? t('employee.selfNotInDirectory') : messageFor(employee.error)}</Alert>
      </section>
    );
  }
  const e = employee.data;
  const a = e.currentAssignment;
  const refresh = () => {
    employee.reload();
    history.reload();
    superior.reload();
  };
  return (
    <section>
      {!isSelf && (
        <p class="breadcrumb">
          <a href={caps.employeeSearch ? '#/employees' : '#/me'}>{t('employees.title')}</a> / {e.nip}
        </p>
      )}
      <h1 data-testid="employee-name">{e.fullName}</h1>
      <dl class="facts">
        <dt>{t('employee.nip')}</dt>
        <dd class="mono">{e.nip}</dd>
        <dt>{t('employee.type')}</dt>
        <dd>{enumLabel('EmployeeType', e.employeeType)}</dd>
        <dt>{t('employee.status')}</dt>
        <dd>{enumLabel('EmployeeStatus', e.status)}</dd>
        <dt>{t('employee.position')}</dt>
        <dd data-testid="current-position">
          {a ? `${a.positionTitle} (${a.position})` : t('employee.noPosition')}
        </dd>
        <dt>{t('employee.opd')}</dt>
        <dd>{a ? [a.opd, a.unit].filter(Boolean).join(' / ') : '—'}</dd>
        <dt>{t('employee.since')}</dt>
        <dd>{a ? formatDate(a.startDate) : '—'}</dd>
      </dl>
      <h2>{t('employee.superior')}</h2>
      <SuperiorFacts superior={superior} />
      <h2>{t('history.title')}</h2>
      {history.loading && !history.data && <Loading />}
      {history.error && <Alert kind="error">{messageFor(history.error)}</Alert>}
      {history.data && <AssignmentHistory assignments={history.data} />}
      {caps.transfer && <TransferForm key={e.nip} nip={e.nip} currentOpd={a?.opd} onTransferred={refresh} />}
    </section>
  );
}
