// Pieces every SKP page shows: the state and predikat badges, the plan's facts, its RHK with their
// IKI (read-only), the superior's expectations, the evaluation, and the superior's return note.
import { t } from '../i18n/index.js';
import { enumLabel, formatDate, formatDateTime, nipOf } from '../lib/format.js';
import { BERAKHLAK, currentYear, opdCode } from '../lib/skp.js';

const short = (value, prefix) => String(value || '').replace(prefix, '').toLowerCase().replace(/_/g, '-');

export function StateBadge({ state }) {
  if (!state) return <span class="state state-none">{t('skp.noSkp')}</span>;
  return (
    <span class={`state state-${short(state, 'SKP_STATE_')}`} data-testid="skp-state">
      {enumLabel('SkpState', state)}
    </span>
  );
}

export function PredikatBadge({ predikat }) {
  if (!predikat || predikat === 'PREDIKAT_UNSPECIFIED') return null;
  return (
    <span class={`predikat predikat-${short(predikat, 'PREDIKAT_')}`} data-testid="skp-predikat">
      {enumLabel('Predikat', predikat)}
    </span>
  );
}

/** A year chooser: the current year and the four before it (and `value`, whatever it is). */
export function YearSelect({ id, value, onChange }) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
  if (!years.includes(value)) years.push(value);
  return (
    <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
      {years.sort((a, b) => b - a).map((y) => (
        <option key={y} value={String(y)}>{y}</option>
      ))}
    </select>
  );
}

/** The plan's period: from its start to its closing day or the end of its year. */
export function periodOf(skp) {
  const start = skp.startDate?.year ? skp.startDate : { year: skp.year, month: 1, day: 1 };
  const end = skp.closedOn?.year ? skp.closedOn : { year: skp.year, month: 12, day: 31 };
  return `${formatDate(start)} – ${formatDate(end)}`;
}

export function SkpFacts({ skp, showEmployee }) {
  return (
    <dl class="facts" data-testid="skp-facts">
      {showEmployee && (
        <>
          <dt>{t('employee.name')}</dt>
          <dd>
            {skp.employeeName} <span class="mono muted">{nipOf(skp.name.split('/skps/')[0])}</span>
          </dd>
        </>
      )}
      <dt>{t('skp.year')}</dt>
      <dd>{skp.year}</dd>
      <dt>{t('skp.period')}</dt>
      <dd>{periodOf(skp)}</dd>
      <dt>{t('employee.position')}</dt>
      <dd>{skp.positionTitle}</dd>
      <dt>{t('employee.opd')}</dt>
      <dd>{opdCode(skp.opd)}</dd>
      <dt>{t('skp.approach')}</dt>
      <dd>{enumLabel('SkpApproach', skp.approach)}</dd>
      <dt>{t('skp.state')}</dt>
      <dd>
        <StateBadge state={skp.state} /> <span class="muted">{t('skp.revisionN', { n: skp.revision || 1 })}</span>
      </dd>
      {skp.updateTime && (
        <>
          <dt>{t('skp.updated')}</dt>
          <dd>{formatDateTime(skp.updateTime)}</dd>
        </>
      )}
    </dl>
  );
}

/** The superior's note of the last return, while the plan has not been approved since. */
export function ReturnNote({ skp }) {
  if (!skp.returnNote) return null;
  return (
    <div class="alert alert-warning return-note" role="status" data-testid="return-note">
      <strong>{t('skp.returnNoteTitle')}</strong>
      <p>{skp.returnNote}</p>
      {skp.state !== 'SKP_STATE_RETURNED' && <p class="small">{t('skp.returnNoteKept')}</p>}
    </div>
  );
}

/** The text of an intervensi id from the superior's approved RHK; the id when unknown. */
export function intervensiLabel(id, options) {
  if (!id) return '';
  const rhk = (options?.rhks ?? []).find((r) => r.id === id);
  return rhk ? rhk.text : id;
}

export function IkiTable({ ikis, testId }) {
  if (!ikis || ikis.length === 0) return <p class="muted small">{t('skp.noIki')}</p>;
  return (
    <table class="table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('skp.iki')}</th>
          <th>{t('skp.aspect')}</th>
          <th>{t('skp.target')}</th>
          <th>{t('skp.unit')}</th>
        </tr>
      </thead>
      <tbody>
        {ikis.map((iki, j) => (
          <tr key={j}>
            <td>{iki.text}</td>
            <td>{enumLabel('IkiAspect', iki.aspect)}</td>
            <td>{iki.target}</td>
            <td>{iki.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The RHK of a plan, read-only. */
export function PlanView({ skp, options }) {
  const rhks = skp.rhks ?? [];
  if (rhks.length === 0) return <p class="muted">{t('skp.noRhk')}</p>;
  return (
    <ol class="rhk-list" data-testid="plan-view">
      {rhks.map((r, i) => (
        <li key={r.id || i} class="rhk-item">
          <div class="rhk-head">
            <span class="rhk-number">{t('skp.rhkN', { n: i + 1 })}</span>
            <span class="badge">{enumLabel('RhkKind', r.kind)}</span>
            {r.approved && <span class="badge badge-ok">{t('skp.rhkApproved')}</span>}
          </div>
          <p class="rhk-text">{r.text}</p>
          <dl class="facts small">
            {r.intervensi && (
              <>
                <dt>{t('skp.intervensi')}</dt>
                <dd>{intervensiLabel(r.intervensi, options)}</dd>
              </>
            )}
            {r.perjanjianKinerja && (
              <>
                <dt>{t('skp.perjanjianKinerja')}</dt>
                <dd>{r.perjanjianKinerja}</dd>
              </>
            )}
            {r.perspective && (
              <>
                <dt>{t('skp.perspective')}</dt>
                <dd>{enumLabel('Perspective', r.perspective)}</dd>
              </>
            )}
          </dl>
          <IkiTable ikis={r.ikis} />
        </li>
      ))}
    </ol>
  );
}

/** The BerAKHLAK values with their standard guidance and the superior's expectation, if any. */
export function ExpectationsView({ skp }) {
  const byValue = Object.fromEntries((skp.expectations ?? []).map((e) => [e.value, e.text]));
  return (
    <table class="table compact" data-testid="expectations-view">
      <thead>
        <tr>
          <th>{t('skp.value')}</th>
          <th>{t('skp.guidance')}</th>
          <th>{t('skp.expectation')}</th>
        </tr>
      </thead>
      <tbody>
        {BERAKHLAK.map((v) => (
          <tr key={v}>
            <td class="nowrap">{enumLabel('Berakhlak', v)}</td>
            <td class="small">{t(`berakhlak.${v}`)}</td>
            <td>{byValue[v] || <span class="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvaluationView({ evaluation }) {
  if (!evaluation || !evaluation.predikat) return <p class="muted">{t('skp.notEvaluated')}</p>;
  return (
    <dl class="facts" data-testid="evaluation-view">
      <dt>{t('skp.hasilKerja')}</dt>
      <dd>
        {enumLabel('Rating', evaluation.hasilKerja)}
        {evaluation.hasilKerjaJustification && <p class="small muted">{evaluation.hasilKerjaJustification}</p>}
      </dd>
      <dt>{t('skp.perilakuKerja')}</dt>
      <dd>
        {enumLabel('Rating', evaluation.perilakuKerja)}
        {evaluation.perilakuKerjaJustification && <p class="small muted">{evaluation.perilakuKerjaJustification}</p>}
      </dd>
      <dt>{t('skp.predikat')}</dt>
      <dd>
        <PredikatBadge predikat={evaluation.predikat} />
      </dd>
      {evaluation.evaluateTime && (
        <>
          <dt>{t('skp.evaluatedAt')}</dt>
          <dd>
            {formatDateTime(evaluation.evaluateTime)}
            {evaluation.evaluator && <span class="mono muted"> · {nipOf(evaluation.evaluator)}</span>}
          </dd>
        </>
      )}
    </dl>
  );
}
