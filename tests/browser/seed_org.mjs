// Loads the organisation of fixtures/org.mjs through the gateway's HTTP/JSON API, signed in as the
// bootstrap BKPP administrator (a bearer token from POST /v1/sessions:login), prepares the accounts
// the tests use, and loads the SKP chain of fixtures/skp.mjs (seed_skp.mjs). Run by
// run_browser_tests.sh; exits non-zero with the failing call on error.
//   BASE_URL=http://127.0.0.1:PORT KINERJA_BT_ADMIN_PASSWORD=... KINERJA_BT_OPERATOR_PASSWORD=...
//   KINERJA_BT_LOCKOUT_PASSWORD=... KINERJA_BT_SKP_PASSWORD=... node seed_org.mjs
import { config } from './lib/config.mjs';
import { ADMIN, EMPLOYEES, LOCKOUT, OPDS, OPERATOR, POSITIONS, UNITS, employeesCsv } from './fixtures/org.mjs';
import { seedSkp } from './seed_skp.mjs';

const TIMEOUT_MS = 30_000;

async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${config.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

async function main() {
  const login = await call('POST', '/v1/sessions:login', { nip: ADMIN.nip, password: config.adminPassword });
  const token = login.sessionToken;
  if (!token) throw new Error('POST /v1/sessions:login answered without a sessionToken');
  const post = (path, body) => call('POST', path, body, token);

  for (const opd of OPDS) await post('/v1/opds', opd);
  for (const { opd, ...unit } of UNITS) await post(`/v1/opds/${opd}/units`, unit);
  for (const position of POSITIONS) await post('/v1/positions', position);
  const csv = Buffer.from(employeesCsv(), 'utf8').toString('base64');
  const imported = await post('/v1/employees:import', { csv });
  if (imported.employeesCreated !== EMPLOYEES.length) {
    throw new Error(`the import created ${imported.employeesCreated} employees, expected ${EMPLOYEES.length}`);
  }

  // The OPD operator must change the password at the first sign-in; the lock-out account need not.
  await post(`/v1/accounts/${OPERATOR.nip}:resetPassword`, { newPassword: config.operatorPassword });
  await post('/v1/roleGrants', {
    roleGrant: { account: `accounts/${OPERATOR.nip}`, role: 'OPD_OPERATOR', opd: 'DISKOMINFO' },
    requestId: 'browser-tests-operator-grant',
  });
  await post(`/v1/accounts/${LOCKOUT.nip}:resetPassword`, {
    newPassword: config.lockoutPassword,
    skipChangeAtNextLogin: true,
  });
  const skp = await seedSkp(call, post);
  await post('/v1/sessions:logout', {});
  console.log(
    `seed: ${OPDS.length} OPDs, ${UNITS.length} units, ${POSITIONS.length} positions, ` +
      `${imported.employeesCreated} employees, 2 accounts; ${skp}`,
  );
}

main().catch((err) => {
  console.error(`seed_org: ${err.message}`);
  process.exit(1);
});
