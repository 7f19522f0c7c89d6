// Sign-in, its error messages, the language switch, the forced change of password, and sign-out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, LOCKOUT, OPERATOR, nipFor } from './fixtures/org.mjs';
import { withBrowser } from './lib/browser.mjs';
import { config, newPassword } from './lib/config.mjs';
import {
  expectSignInPage,
  fetchInPage,
  open,
  signIn,
  signInAnswer,
  submitSignIn,
  tableRows,
} from './lib/console.mjs';

const T = { timeout: 45_000 };

test('sign-in', T, () =>
  withBrowser('sign-in', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await page.getByRole('heading', { name: ADMIN.fullName }).waitFor();
    assert.match(await page.getByTestId('current-user').innerText(), new RegExp(ADMIN.nip));
    for (const label of ['Profil saya', 'Direktori OPD', 'Pegawai', 'Log audit']) {
      await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: label }).waitFor();
    }
    assert.equal(await page.getByRole('link', { name: 'API' }).getAttribute('href'), '/api');

    // The contract the console relies on: an HttpOnly session cookie, a readable CSRF cookie, and
    // non-GET requests refused without the CSRF header.
    const cookies = await page.evaluate(() => document.cookie);
    assert.match(cookies, /kinerja_csrf=/);
    assert.doesNotMatch(cookies, /kinerja_session=/);
    const me = await fetchInPage(page, '/v1/me');
    assert.equal(me.status, 200);
    assert.equal(JSON.parse(me.body).nip, ADMIN.nip);
    assert.ok(JSON.parse(me.body).roleGrants.some((g) => g.role === 'BKPP_ADMIN'));
    const noCsrf = await fetchInPage(page, '/v1/me:changePassword', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'x', newPassword: 'y' }),
    });
    assert.equal(noCsrf.status, 403);
  }),
);

test('wrong-password', T, () =>
  withBrowser('wrong-password', async (page) => {
    await open(page);
    await expectSignInPage(page);
    await submitSignIn(page, LOCKOUT.nip, `${config.lockoutPassword}-salah`);
    await page.getByTestId('login-error').getByText('NIP atau kata sandi salah.').waitFor();
    assert.match(page.url(), /#\/login$/);
    assert.equal(await page.getByTestId('current-user').count(), 0);
    // A NIP that is not 18 digits is refused before asking the server.
    await submitSignIn(page, '12345', 'apa saja');
    await page.getByTestId('login-error').getByText('NIP terdiri atas 18 angka.').waitFor();
  }),
);

// The runner starts the server with login_lock_after=3: the third failure locks the account.
test('too-many-attempts', T, () =>
  withBrowser('too-many-attempts', async (page) => {
    await open(page);
    await expectSignInPage(page);
    const error = page.getByTestId('login-error');
    let status = 0;
    for (let attempt = 0; attempt < 4 && status !== 429; attempt++) {
      status = (await signInAnswer(page, LOCKOUT.nip, `${config.lockoutPassword}-salah-${attempt}`)).status();
      if (status !== 429) {
        assert.equal(status, 401);
        await error.getByText('NIP atau kata sandi salah.').waitFor();
      }
    }
    assert.equal(status, 429, 'no 429 after 4 wrong passwords');
    // The wait comes from the server's message: "... try again after YYYY-MM-DD HH:MM:SS WIB".
    const throttled = /^Terlalu banyak percobaan masuk yang gagal\. Coba lagi setelah \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB\.$/;
    await error.getByText(throttled).waitFor();
    // Locked: even the right password is refused now.
    assert.equal((await signInAnswer(page, LOCKOUT.nip, config.lockoutPassword)).status(), 429);
    await error.getByText(throttled).waitFor();
    assert.match(page.url(), /#\/login$/);
  }),
);

test('language-switch', T, () =>
  withBrowser('language-switch', async (page) => {
    await open(page);
    await expectSignInPage(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Sign in to Kinerja' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Kinerja' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await submitSignIn(page, nipFor(99, 1), 'not-the-password-1'); // no such account
    await page.getByTestId('login-error').getByText('Wrong NIP or password.').waitFor();
    await page.getByRole('button', { name: 'ID' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Kinerja' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('kinerja.lang')), 'id');
  }),
);

let operatorPassword = '';

test('change-password', T, () =>
  withBrowser('change-password', async (page) => {
    await open(page);
    await submitSignIn(page, OPERATOR.nip, config.operatorPassword);
    await page.waitForURL(/#\/password$/);
    await page.getByText('Anda harus mengganti kata sandi sebelum melanjutkan.').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link').count(), 0);

    const form = page.getByTestId('password-form');
    const submit = () => form.getByRole('button', { name: 'Simpan kata sandi' }).click();
    // The server's rule, said in Indonesian under the field.
    await page.getByLabel('Kata sandi saat ini').fill(config.operatorPassword);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Pendek-1');
    await page.getByLabel('Ulangi kata sandi baru').fill('Pendek-1');
    await submit();
    await page.getByTestId('pw-new-error').getByText('Kata sandi minimal 10 karakter; yang ini 8.').waitFor();
    // A wrong current password (the server answers 401 while the session still lives).
    operatorPassword = newPassword();
    await page.getByLabel('Kata sandi saat ini').fill(`${config.operatorPassword}-x`);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(operatorPassword);
    await page.getByLabel('Ulangi kata sandi baru').fill(operatorPassword);
    await submit();
    await page.getByTestId('pw-current-error').getByText('Kata sandi saat ini salah.').waitFor();
    assert.match(page.url(), /#\/password$/);

    await page.getByLabel('Kata sandi saat ini').fill(config.operatorPassword);
    await submit();
    await page.waitForURL(/#\/me$/);
    await page.getByRole('heading', { name: OPERATOR.fullName }).waitFor();
  }),
);

test('opd-operator-scope', T, () =>
  withBrowser('opd-operator-scope', async (page) => {
    assert.ok(operatorPassword, 'change-password must run first');
    await signIn(page, OPERATOR.nip, operatorPassword);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Direktori OPD' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Log audit' }).count(), 0);
    await nav.getByRole('link', { name: 'Pegawai' }).click();
    await page.getByText('Pencarian terbatas pada OPD Anda: DISKOMINFO.').waitFor();
    const options = await page.locator('#search-opd option').allInnerTexts();
    assert.deepEqual(options, ['DISKOMINFO']);
    await page.getByTestId('employee-table').waitFor();
    const rows = await tableRows(page, 'employee-table');
    assert.equal(rows.length, 20);
    assert.ok(rows.every((r) => r[3] === 'DISKOMINFO'), 'an employee of another OPD was listed');
    await open(page, '#/audit');
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor();
  }),
);

test('session-ended', T, () =>
  withBrowser('session-ended', async (page, context) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await page.getByTestId('assignment-history').waitFor(); // no call of the profile page in flight
    await page.getByTestId('superior').waitFor();
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Log audit' }).click();
    await expectSignInPage(page);
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();
    // Signing in again returns to the page that was asked for.
    await submitSignIn(page, ADMIN.nip, config.adminPassword);
    await page.waitForURL(/#\/audit$/);
    await page.getByRole('heading', { name: 'Log audit' }).waitFor();
  }),
);

test('sign-out', T, () =>
  withBrowser('sign-out', async (page, context) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    const before = await context.cookies();
    const session = before.find((c) => c.name === 'kinerja_session');
    assert.ok(session, 'no kinerja_session cookie after sign-in');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');

    await page.getByTestId('sign-out').click();
    await expectSignInPage(page);
    await page.getByText('Anda telah keluar.').waitFor();
    assert.equal((await fetchInPage(page, '/v1/me')).status, 401);
    // The session is over on the server too, not only forgotten by the browser.
    const replay = await context.request.get(`${config.baseUrl}/v1/me`, {
      headers: { Cookie: `kinerja_session=${session.value}` },
    });
    assert.equal(replay.status(), 401);
    await open(page, '#/employees');
    await expectSignInPage(page);
  }),
);
