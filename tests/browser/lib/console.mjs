// Steps through the console the way a person does, with its Indonesian labels (the default language).
import { config } from './config.mjs';

/** Opens the console at `hash` (e.g. "#/me") and waits for the app to have rendered. */
export async function open(page, hash = '') {
  await page.goto(`${config.baseUrl}/${hash}`);
  await page.locator('#app > *').first().waitFor();
}

/** The sign-in page is showing, at #/login. */
export async function expectSignInPage(page) {
  await page.getByRole('heading', { name: 'Masuk ke Kinerja' }).waitFor();
  await page.waitForURL(/#\/login$/);
}

/** Fills and sends the sign-in form (the page must show it), in whichever language it is. */
export async function submitSignIn(page, nip, password) {
  const form = page.getByTestId('login-form');
  await form.locator('#login-nip').fill(nip);
  await form.locator('#login-password').fill(password);
  await form.locator('button[type=submit]').click();
}

/** Signs in from a fresh page and waits for the own profile page. */
export async function signIn(page, nip, password) {
  await open(page);
  await expectSignInPage(page);
  await submitSignIn(page, nip, password);
  await page.getByTestId('current-user').waitFor();
  await page.waitForURL(/#\/me$/);
}

/** The rows of a table (by test id) as arrays of cell texts. */
export async function tableRows(page, testId) {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.innerText.trim())),
  );
}

/** fetch() from inside the page (same origin, the page's cookies): {status, body}. */
export function fetchInPage(page, path, init = {}) {
  return page.evaluate(
    async ([p, i]) => {
      const r = await fetch(p, { credentials: 'same-origin', ...i });
      return { status: r.status, body: await r.text() };
    },
    [path, init],
  );
}

/** Sends the sign-in form and resolves to the answer of POST /auth/login. */
export async function signInAnswer(page, nip, password) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login' && r.request().method() === 'POST'),
    submitSignIn(page, nip, password),
  ]);
  return response;
}
