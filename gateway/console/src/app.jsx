// The console: who is signed in (GET /v1/me), which page the hash names, and what the account's roles
// let it open. Signed out -> #/login; an account that must change its password -> #/password.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Layout } from './components/Layout.jsx';
import { Loading } from './components/Loading.jsx';
import { t, useLang } from './i18n/index.js';
import { setUnauthenticatedHandler } from './lib/api.js';
import { clearDirectoryCache } from './lib/directory.js';
import { messageFor } from './lib/errors.js';
import { capabilitiesOf } from './lib/roles.js';
import { matchRoute, navigate, useRoute } from './lib/router.js';
import { fetchMyAccount, signOut } from './lib/session.js';
import { AuditPage } from './pages/AuditPage.jsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.jsx';
import { EmployeePage } from './pages/EmployeePage.jsx';
import { EmployeeSearchPage } from './pages/EmployeeSearchPage.jsx';
import { LoginPage } from './pages/LoginPage.jsx';
import { MessagePage } from './pages/MessagePage.jsx';
import { MySkpPage } from './pages/MySkpPage.jsx';
import { OpdListPage } from './pages/OpdListPage.jsx';
import { OpdPage } from './pages/OpdPage.jsx';
import { SkpDashboardPage } from './pages/SkpDashboardPage.jsx';
import { SkpOwnerPage } from './pages/SkpOwnerPage.jsx';
import { SkpPrintPage } from './pages/SkpPrintPage.jsx';
import { SkpReviewPage } from './pages/SkpReviewPage.jsx';
import { SubordinatesPage } from './pages/SubordinatesPage.jsx';

const ROUTES = [
  ['/login', 'login'],
  ['/password', 'password'],
  ['/me', 'me'],
  ['/opds', 'opds'],
  ['/opds/:code', 'opd'],
  ['/employees', 'employees'],
  ['/employees/:nip', 'employee'],
  ['/audit', 'audit'],
  ['/skp', 'mySkp'],
  ['/skp/:id', 'ownSkp'],
  ['/subordinates', 'subordinates'],
  ['/subordinates/:nip/:id', 'reviewSkp'],
  ['/skp-dashboard', 'skpDashboard'],
  ['/print/skp/:nip/:id', 'printSkp'],
];

// Which capability each page needs (see lib/roles.js); pages not listed are open to everyone.
const NEEDS = {
  opds: 'directory',
  opd: 'directory',
  employees: 'employeeSearch',
  audit: 'audit',
  skpDashboard: 'skpDashboard',
};

/** Where the printable SKP goes back to: the own plan, the superior's review, or the dashboard. */
function printBack(account, caps, nip, id) {
  if (nip === account.nip) return `#/skp/${id}`;
  if (caps.skpDashboard) return '#/skp-dashboard';
  return `#/subordinates/${nip}/${id}`;
}

function Page({ match, route, account, caps, onPasswordChanged }) {
  if (!match) return <MessagePage title={t('notFound.title')} message={t('notFound.message')} />;
  const need = NEEDS[match.name];
  if (need && !caps[need]) {
    return <MessagePage title={t('forbidden.title')} message={t('forbidden.message')} kind="error" />;
  }
  switch (match.name) {
    case 'password':
      return <ChangePasswordPage forced={Boolean(account.mustChangePassword)} onChanged={onPasswordChanged} />;
    case 'me':
      return <EmployeePage key={`me-${account.nip}`} nip={account.nip} caps={caps} isSelf />;
    case 'opds':
      return <OpdListPage caps={caps} />;
    case 'opd':
      return <OpdPage key={match.params.code} code={match.params.code} caps={caps} />;
    case 'employees':
      return <EmployeeSearchPage caps={caps} query={route.query} />;
    case 'employee':
      return (
        <EmployeePage key={match.params.nip} nip={match.params.nip} caps={caps} isSelf={match.params.nip === account.nip} />
      );
    case 'audit':
      return <AuditPage query={route.query} />;
    case 'mySkp':
      return <MySkpPage key={account.nip} nip={account.nip} />;
    case 'ownSkp':
      return <SkpOwnerPage key={match.params.id} nip={account.nip} id={match.params.id} />;
    case 'subordinates':
      return <SubordinatesPage nip={account.nip} query={route.query} />;
    case 'reviewSkp':
      return <SkpReviewPage key={`${match.params.nip}/${match.params.id}`} nip={match.params.nip} id={match.params.id} />;
    case 'skpDashboard':
      return <SkpDashboardPage caps={caps} query={route.query} />;
    case 'printSkp': {
      const { nip, id } = match.params;
      return <SkpPrintPage key={`${nip}/${id}`} nip={nip} id={id} back={printBack(account, caps, nip, id)} />;
    }
    default:
      return null;
  }
}

export function App() {
  useLang();
  const route = useRoute();
  // status: "loading" (asking /v1/me), "signedOut", "signedIn", "unreachable"
  const [session, setSession] = useState({ status: 'loading', account: null, error: null });
  const [notice, setNotice] = useState('');
  const [banner, setBanner] = useState('');
  const returnTo = useRef('');
  // For the 401 handler: answers that arrive after a sign-out must not say "your session ended".
  const statusRef = useRef('loading');
  statusRef.current = session.status;

  const endSession = useCallback((noticeKey) => {
    clearDirectoryCache();
    setBanner('');
    setNotice(noticeKey);
    setSession({ status: 'signedOut', account: null, error: null });
  }, []);

  const loadAccount = useCallback(async () => {
    try {
      const account = await fetchMyAccount({ handle401: true });
      setSession({ status: 'signedIn', account, error: null });
      return account;
    } catch (err) {
      if (err.status === 401) setSession({ status: 'signedOut', account: null, error: null });
      else setSession({ status: 'unreachable', account: null, error: err });
      return null;
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (statusRef.current === 'signedIn') endSession('login.sessionEnded');
    });
    loadAccount();
  }, [endSession, loadAccount]);

  const path = route.path;
  const { status, account } = session;
  // Redirects: signed out -> sign-in (remembering where to come back); signed in on the sign-in page
  // -> back or to the own page; password to change -> the password page.
  useEffect(() => {
    if (status === 'signedOut' && path !== '/login') {
      returnTo.current = window.location.hash;
      navigate('/login', null, true);
    } else if (status === 'signedIn' && account.mustChangePassword && path !== '/password') {
      navigate('/password', null, true);
    } else if (status === 'signedIn' && (path === '/login' || path === '/')) {
      const back = returnTo.current;
      returnTo.current = '';
      if (back && back !== '#/login' && back !== '#/password') window.location.replace(back);
      else navigate('/me', null, true);
    }
  }, [status, path, account]);

  async function onSignedIn() {
    setNotice('');
    await loadAccount();
  }

  async function onPasswordChanged() {
    const updated = await loadAccount();
    if (updated && !updated.mustChangePassword) {
      setBanner('');
      navigate('/me');
    }
  }

  async function onSignOut() {
    try {
      await signOut();
    } catch (err) {
      if (err.status !== 401) {
        setBanner(t('logout.failed', { reason: messageFor(err) }));
        return;
      }
    }
    returnTo.current = '';
    endSession('login.signedOut');
    navigate('/login');
  }

  if (status === 'loading') return <Loading />;
  if (status === 'unreachable') {
    return (
      <MessagePage
        title={t('app.unreachableTitle')}
        message={messageFor(session.error)}
        kind="error"
        action={<button type="button" class="button primary" onClick={loadAccount}>{t('common.retry')}</button>}
      />
    );
  }
  if (status === 'signedOut') {
    return <LoginPage notice={notice ? t(notice) : ''} onSignedIn={onSignedIn} />;
  }
  const caps = capabilitiesOf(account);
  const match = matchRoute(ROUTES, path);
  return (
    <Layout account={account} caps={caps} activePath={path} banner={banner} onSignOut={onSignOut}>
      <Page match={match} route={route} account={account} caps={caps} onPasswordChanged={onPasswordChanged} />
    </Layout>
  );
}
