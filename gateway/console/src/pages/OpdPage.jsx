// One agency: its details, units (GET /v1/opds/{opd}/units) and positions (GET /v1/positions?opd=).
import { Alert } from '../components/Alert.jsx';
import { Loading } from '../components/Loading.jsx';
import { Pager } from '../components/Pager.jsx';
import { t } from '../i18n/index.js';
import { getOpd, listUnits, positionPage } from '../lib/directory.js';
import { messageFor } from '../lib/errors.js';
import { enumLabel } from '../lib/format.js';
import { useAsync, usePagedList } from '../lib/hooks.js';
import { hrefOf } from '../lib/router.js';
import { reachesOpd } from '../lib/roles.js';

function Positions({ code }) {
  const list = usePagedList((token) => positionPage(code, token));
  if (list.loading) return <Loading />;
  if (list.error) return <Alert kind="error">{messageFor(list.error)}</Alert>;
  if (list.items.length === 0) return <p class="muted">{t('opd.noPositions')}</p>;
  return (
    <>
      <table class="table">
        <thead>
          <tr>
            <th>{t('opd.positionCode')}</th>
            <th>{t('opd.positionTitle')}</th>
            <th>{t('opd.positionKind')}</th>
            <th>{t('opd.unit')}</th>
            <th>{t('opd.superiorPosition')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((p) => (
            <tr key={p.code}>
              <td class="mono">{p.code}</td>
              <td>{p.title}</td>
              <td>{enumLabel('PositionKind', p.kind)}</td>
              <td>{p.unit}</td>
              <td class="mono">{p.superiorPosition || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager list={list} />
    </>
  );
}

export function OpdPage({ code, caps }) {
  const opd = useAsync(() => getOpd(code), [code]);
  const units = useAsync(() => listUnits(code), [code]);
  if (opd.loading) return <Loading />;
  if (opd.error) return <Alert kind="error">{messageFor(opd.error)}</Alert>;
  const o = opd.data;
  return (
    <section>
      <p class="breadcrumb">
        <a href="#/opds">{t('opds.title')}</a> / {o.code}
      </p>
      <h1>{o.displayName}</h1>
      <dl class="facts">
        <dt>{t('opds.code')}</dt>
        <dd class="mono">{o.code}</dd>
        <dt>{t('opds.kind')}</dt>
        <dd>{o.kind}</dd>
        <dt>{t('opds.revenueTarget')}</dt>
        <dd>{o.hasRevenueTarget ? t('common.yes') : t('common.no')}</dd>
      </dl>
      {caps.employeeSearch && reachesOpd(caps, o.code) && (
        <p>
          <a class="button secondary" href={hrefOf('/employees', { opd: o.code })}>
            {t('opd.searchEmployees')}
          </a>
        </p>
      )}
      <h2>{t('opd.units')}</h2>
      {units.loading && <Loading />}
      {units.error && <Alert kind="error">{messageFor(units.error)}</Alert>}
      {units.data && units.data.length === 0 && <p class="muted">{t('opd.noUnits')}</p>}
      {units.data && units.data.length > 0 && (
        <ul class="plain-list">
          {units.data.map((u) => (
            <li key={u.code}>
              <span class="mono">{u.code}</span> — {u.displayName}
              {u.parentUnit && <span class="muted"> ({t('opd.inUnit', { unit: u.parentUnit })})</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('opd.positions')}</h2>
      <Positions key={code} code={code} />
    </section>
  );
}
