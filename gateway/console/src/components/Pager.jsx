// Previous / Next for a list read with page tokens (see usePagedList).
import { t } from '../i18n/index.js';

export function Pager({ list }) {
  if (!list.hasPrevious && !list.hasNext) return null;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      <button type="button" class="button secondary" disabled={!list.hasPrevious || list.loading} onClick={list.previous}>
        {t('pager.previous')}
      </button>
      <span class="pager-page" data-testid="pager-page">
        {t('pager.page', { page: list.page })}
      </span>
      <button type="button" class="button secondary" disabled={!list.hasNext || list.loading} onClick={list.next}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
