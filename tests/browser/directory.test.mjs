// The directory as a BKPP administrator: OPDs, employee search with paging, an employee's history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, EMPLOYEES, HISTORY, OPDS, SEARCH_PREFIX } from './fixtures/org.mjs';
import { withBrowser } from './lib/browser.mjs';
import { config } from './lib/config.mjs';
import { signIn, tableRows } from './lib/console.mjs';

const T = { timeout: 45_000 };
const nav = (page) => page.getByRole('navigation', { name: 'Menu utama' });

/** Clicks a pager button and waits for the page number it leads to. */
async function turnPage(page, button, expectedPage) {
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('pager-page').getByText(`Halaman ${expectedPage}`, { exact: true }).waitFor();
  await page.getByTestId('employee-table').waitFor();
  return (await tableRows(page, 'employee-table')).map((r) => r[0]);
}

test('opd-directory', T, () =>
  withBrowser('opd-directory', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await nav(page).getByRole('link', { name: 'Direktori OPD' }).click();
    await page.getByTestId('opd-table').waitFor();
    const codes = (await tableRows(page, 'opd-table')).map((r) => r[0]);
    assert.deepEqual([...codes].sort(), OPDS.map((o) => o.code).sort());
    await page.getByRole('link', { name: 'DINKES', exact: true }).click();
    await page.getByRole('heading', { name: 'Dinas Kesehatan' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Bidang Pelayanan Kesehatan' }).waitFor();
    await page.getByRole('cell', { name: 'Pengadministrasi Umum' }).waitFor();
  }),
);

test('employee-search-paging', T, () =>
  withBrowser('employee-search-paging', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await nav(page).getByRole('link', { name: 'Pegawai' }).click();
    await page.getByTestId('employee-table').waitFor();
    await page.getByTestId('pager-page').getByText('Halaman 1', { exact: true }).waitFor();
    const page1 = (await tableRows(page, 'employee-table')).map((r) => r[0]);
    const page2 = await turnPage(page, 'Berikutnya', 2);
    const page3 = await turnPage(page, 'Berikutnya', 3);
    const back2 = await turnPage(page, 'Sebelumnya', 2);
    assert.deepEqual([page1.length, page2.length, page3.length], [20, 20, 20]);
    const all = [...page1, ...page2, ...page3];
    assert.equal(new Set(all).size, 60, 'a NIP appeared on two pages');
    assert.deepEqual(all, [...EMPLOYEES.map((e) => e.nip)].sort().slice(0, 60), 'pages are not in NIP order');
    assert.deepEqual(back2, page2);

    // A name prefix, case-insensitive, through the search form (the filters go into the address).
    await page.getByLabel('Nama (awalan)').fill(SEARCH_PREFIX.toLowerCase());
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL(new RegExp(`#/employees\\?name=${SEARCH_PREFIX.toLowerCase()}`));
    await page.getByTestId('employee-table').waitFor();
    const names = (await tableRows(page, 'employee-table')).map((r) => r[1]);
    const expected = EMPLOYEES.filter((e) => e.fullName.startsWith(SEARCH_PREFIX)).map((e) => e.fullName);
    assert.deepEqual([...names].sort(), [...expected].sort());
    assert.equal(await page.getByTestId('pager-page').count(), 0);
  }),
);

test('employee-history', T, () =>
  withBrowser('employee-history', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await nav(page).getByRole('link', { name: 'Pegawai' }).click();
    await page.getByLabel('Nama (awalan)').fill(HISTORY.fullName);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: HISTORY.nip }).click();
    await page.waitForURL(new RegExp(`#/employees/${HISTORY.nip}$`));
    await page.getByRole('heading', { name: HISTORY.fullName }).waitFor();
    await page.getByTestId('current-position').getByText('Pengadministrasi Umum (DINKES-PLK)').waitFor();
    const boss = EMPLOYEES.find((e) => e.position === 'DINKES-KABID');
    await page.getByTestId('superior').getByRole('link', { name: boss.fullName }).waitFor();
    await page.getByTestId('assignment-history').waitFor();
    const rows = await tableRows(page, 'assignment-history');
    assert.deepEqual(rows, [
      ['Pengadministrasi Umum (DINKES-PLK)', 'Pelaksana', 'DINKES', 'BID-YANKES', '1 Juli 2024', 'sekarang', 'Mutasi'],
      ['Pengelola Layanan Aplikasi (DISKOMINFO-PLK)', 'Pelaksana', 'DISKOMINFO', 'BID-APTIKA', '2 Maret 2015', '30 Juni 2024', 'Pengangkatan awal'],
    ]);
  }),
);
