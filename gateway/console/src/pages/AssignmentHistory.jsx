// An employee's positions over time (ListAssignments answers oldest first; shown newest first).
import { t } from '../i18n/index.js';
import { enumLabel, formatDate } from '../lib/format.js';

export function AssignmentHistory({ assignments }) {
  if (assignments.length === 0) return <p class="muted">{t('history.none')}</p>;
  const rows = [...assignments].reverse();
  return (
    <table class="table" data-testid="assignment-history">
      <thead>
        <tr>
          <th>{t('history.position')}</th>
          <th>{t('history.kind')}</th>
          <th>{t('employee.opd')}</th>
          <th>{t('history.unit')}</th>
          <th>{t('history.start')}</th>
          <th>{t('history.end')}</th>
          <th>{t('history.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={`${a.position}-${a.startDate?.year}-${a.startDate?.month}-${a.startDate?.day}`}
            class={a.endDate ? '' : 'current'}>
            <td>
              {a.positionTitle} <span class="mono muted">({a.position})</span>
            </td>
            <td>{enumLabel('PositionKind', a.positionKind)}</td>
            <td>{a.opd}</td>
            <td>{a.unit || '—'}</td>
            <td>{formatDate(a.startDate)}</td>
            <td>{a.endDate ? formatDate(a.endDate) : <span class="badge">{t('history.now')}</span>}</td>
            <td>{enumLabel('AssignmentReason', a.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
