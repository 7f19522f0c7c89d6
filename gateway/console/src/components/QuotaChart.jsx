// Charts of an OPD's predikat distribution, drawn as inline SVG (attributes only: no style attribute,
// nothing from elsewhere, so the console's Content-Security-Policy holds).
import { t } from '../i18n/index.js';
import { enumLabel } from '../lib/format.js';
import { PREDIKATS } from '../lib/skp.js';

const pct = (count, total) => (total > 0 ? (100 * count) / total : 0);
const fmtPct = (v) => `${Number.isInteger(v) ? v : v.toFixed(1)}%`;

/** How many employees got each predikat, as bars (height by share of the evaluated). */
export function PredikatBars({ predikats }) {
  const counts = Object.fromEntries((predikats ?? []).map((p) => [p.predikat, p.count ?? 0]));
  const total = PREDIKATS.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  const W = 600;
  const H = 220;
  const top = 24;
  const bottom = 44;
  const left = 36; // the axis labels
  const slot = (W - left) / PREDIKATS.length;
  const barW = slot * 0.56;
  const plot = H - top - bottom;
  return (
    <figure class="chart" data-testid="predikat-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dashboard.chartLabel', { n: total })} class="chart-svg">
        {[0, 25, 50, 75, 100].map((g) => {
          const y = top + plot - (plot * g) / 100;
          return (
            <g key={g}>
              <line x1={left} x2={W} y1={y} y2={y} class="grid" />
              <text x={left - 6} y={y + 4} text-anchor="end" class="tick">{`${g}%`}</text>
            </g>
          );
        })}
        {PREDIKATS.map((p, i) => {
          const count = counts[p] ?? 0;
          const share = pct(count, total);
          const h = (plot * share) / 100;
          const x = left + i * slot + (slot - barW) / 2;
          return (
            <g key={p}>
              <rect x={x} y={top + plot - h} width={barW} height={Math.max(h, 0.5)} class={`bar bar-${i}`} />
              <text x={x + barW / 2} y={top + plot - h - 6} text-anchor="middle" class="value">
                {total > 0 ? `${count} · ${fmtPct(Math.round(share * 10) / 10)}` : '0'}
              </text>
              <text x={x + barW / 2} y={H - bottom + 18} text-anchor="middle" class="label">
                {enumLabel('Predikat', p)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted small">{t('dashboard.chartCaption', { n: total })}</figcaption>
    </figure>
  );
}

/** A rule of the quota in words, from its parts (QuotaCheck). */
export function ruleText(check) {
  const who = (check.predikats ?? []).map((p) => enumLabel('Predikat', p)).join(t('dashboard.or'));
  const percent = fmtPct((check.percentBasisPoints ?? 0) / 100);
  if (check.atMost) return t('dashboard.ruleAtMost', { who, percent });
  if ((check.minCount ?? 0) > 0) return t('dashboard.ruleAtLeastCount', { who, n: check.minCount });
  return t('dashboard.ruleAtLeast', { who, percent });
}

/** One quota rule as a bullet bar: the OPD's share (bar) against the rule's bound (marker). */
function Bullet({ check }) {
  const total = check.total ?? 0;
  const count = check.count ?? 0;
  const actual = pct(count, total);
  const bound = (check.minCount ?? 0) > 0 && !check.atMost ? pct(check.minCount, total) : (check.percentBasisPoints ?? 0) / 100;
  const W = 200;
  const x = (v) => (W * Math.min(Math.max(v, 0), 100)) / 100;
  return (
    <svg viewBox={`0 0 ${W} 16`} class="bullet" role="img"
      aria-label={t('dashboard.bulletLabel', { actual: fmtPct(Math.round(actual * 10) / 10), bound: fmtPct(Math.round(bound * 10) / 10) })}>
      <rect x="0" y="3" width={W} height="10" class="track" />
      <rect x="0" y="3" width={x(actual)} height="10" class={check.satisfied ? 'fill-ok' : 'fill-bad'} />
      <line x1={x(bound)} x2={x(bound)} y1="0" y2="16" class="marker" />
    </svg>
  );
}

export function QuotaChecks({ quota }) {
  const checks = quota?.checks ?? [];
  if (checks.length === 0) return null;
  return (
    <table class="table quota-table" data-testid="quota-checks">
      <thead>
        <tr>
          <th>{t('dashboard.rule')}</th>
          <th>{t('dashboard.actual')}</th>
          <th>{t('dashboard.chart')}</th>
          <th>{t('dashboard.result')}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c, i) => {
          const total = c.total ?? 0;
          const count = c.count ?? 0;
          return (
            <tr key={i} class={c.satisfied ? '' : 'violated'}>
              <td>{ruleText(c)}</td>
              <td class="nowrap">{t('dashboard.countOf', { count, total, percent: fmtPct(Math.round(pct(count, total) * 10) / 10) })}</td>
              <td><Bullet check={c} /></td>
              <td>
                <span class={c.satisfied ? 'result-ok' : 'result-bad'}>
                  {c.satisfied ? t('dashboard.satisfied') : t('dashboard.violated')}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Counts by state as bars against the OPD's employees. */
export function StateBars({ states, employees, order }) {
  const counts = Object.fromEntries((states ?? []).map((s) => [s.state, s.count ?? 0]));
  const max = Math.max(employees || 0, ...Object.values(counts), 1);
  return (
    <table class="table compact state-table" data-testid="state-counts">
      <tbody>
        {order.map((s) => (
          <tr key={s}>
            <th scope="row">{enumLabel('SkpState', s)}</th>
            <td class="num">{counts[s] ?? 0}</td>
            <td class="bar-cell">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="hbar" aria-hidden="true">
                <rect x="0" y="0" width="100" height="10" class="track" />
                <rect x="0" y="0" width={(100 * (counts[s] ?? 0)) / max} height="10" class={`fill state-fill-${s.replace('SKP_STATE_', '').toLowerCase()}`} />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
