// The frame of every page after sign-in: header with navigation by role, the page, and the footer.
import { t } from '../i18n/index.js';
import { LangSwitch } from './LangSwitch.jsx';
import { Alert } from './Alert.jsx';

function navItems(caps, mustChangePassword) {
  if (mustChangePassword) return [];
  const items = [
    { href: '#/me', match: '/me', label: t('nav.me'), id: 'me' },
    // Everyone has an own plan; anyone may have subordinates (the page says so when there are none).
    { href: '#/skp', match: '/skp', label: t('nav.mySkp'), id: 'my-skp' },
    { href: '#/subordinates', match: '/subordinates', label: t('nav.subordinates'), id: 'subordinates' },
  ];
  if (caps.skpDashboard) {
    items.push({ href: '#/skp-dashboard', match: '/skp-dashboard', label: t('nav.skpDashboard'), id: 'skp-dashboard' });
  }
  if (caps.directory) items.push({ href: '#/opds', match: '/opds', label: t('nav.opds'), id: 'opds' });
  if (caps.employeeSearch) {
    items.push({ href: '#/employees', match: '/employees', label: t('nav.employees'), id: 'employees' });
  }
  if (caps.audit) items.push({ href: '#/audit', match: '/audit', label: t('nav.audit'), id: 'audit' });
  return items;
}

export function Layout({ account, caps, activePath, banner, onSignOut, children }) {
  const mustChange = Boolean(account.mustChangePassword);
  const items = navItems(caps, mustChange);
  const active = (item) =>
    item.match === '/me' ? activePath === '/me' : activePath === item.match || activePath.startsWith(`${item.match}/`);
  return (
    <div class="page">
      <header class="topbar no-print">
        <div class="brand">
          <span class="brand-name">Kinerja</span>
          <span class="brand-sub">{t('app.subtitle')}</span>
        </div>
        <nav class="mainnav" aria-label={t('nav.label')}>
          {items.map((item) => (
            <a
              key={item.id}
              href={item.href}
              class={active(item) ? 'active' : ''}
              aria-current={active(item) ? 'page' : undefined}
              data-testid={`nav-${item.id}`}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div class="usermenu">
          <span class="user" data-testid="current-user">
            <span class="user-name">{account.displayName || account.nip}</span>
            <span class="user-nip">{account.nip}</span>
          </span>
          {!mustChange && (
            <a href="#/password" class="link-light">
              {t('nav.changePassword')}
            </a>
          )}
          <LangSwitch />
          <button type="button" class="button light" onClick={onSignOut} data-testid="sign-out">
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main class="content">
        <Alert kind="error">{banner}</Alert>
        {children}
      </main>
      <footer class="footer no-print">
        <span>{t('app.footer')}</span>
        <a href="/api">{t('footer.api')}</a>
      </footer>
    </div>
  );
}
