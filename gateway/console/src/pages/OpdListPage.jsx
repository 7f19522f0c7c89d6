// The directory's list of agencies (GET /v1/opds, paged).
import { Alert } from '../components/Alert.jsx';
import { Loading } from '../components/Loading.jsx';
import { Pager } from '../components/Pager.jsx';
import { t } from '../i18n/index.js';
import { opdPage } from '../lib/directory.js';
import { messageFor } from '../lib/errors.js';
import { usePagedList } from '../lib/hooks.js';
import { hrefOf } from '../lib/router.js';
import { reachesOpd } from '../lib/roles.js';

export function OpdListPage({ caps }) {
  const list = usePagedList(opdPage);
  return (
    <section>
      <h1>{t('opds.title')}</h1>
      <Alert kind="error">{list.error && messageFor(list.error)}</Alert>
      {list.loading && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && <p class="muted">{t('opds.empty')}</p>}
      {list.items.length > 0 && (
        <table class="table" data-testid="opd-table">
          <thead>
            <tr>
              <th>{t('opds.code')}</th>
              <th>{t('opds.name')}</th>
              <th>{t('opds.kind')}</th>
              <th>{t('opds.revenueTarget')}</th>
              <th>
                <span class="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((opd) => (
              <tr key={opd.code}>
                <td>
                  <a href={hrefOf(`/opds/${encodeURIComponent(opd.code)}`)}>{opd.code}</a>
                </td>
                <td>{opd.displayName}</td>
                <td>{opd.kind}</td>
                <td>{opd.hasRevenueTarget ? t('common.yes') : t('common.no')}</td>
                <td class="actions">
                  {caps.employeeSearch && reachesOpd(caps, opd.code) && (
                    <a href={hrefOf('/employees', { opd: opd.code })}>{t('opds.employees')}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager list={list} />
    </section>
  );
}
