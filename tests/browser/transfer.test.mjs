// A BKPP administrator records a transfer (with a field error first), sees it in the history, then
// finds it in the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, TRANSFER } from './fixtures/org.mjs';
import { withBrowser } from './lib/browser.mjs';
import { config } from './lib/config.mjs';
import { open, signIn, tableRows } from './lib/console.mjs';

const T = { timeout: 45_000 };
const EFFECTIVE = '2026-02-02';

test('transfer', T, () =>
  withBrowser('transfer', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await open(page, `#/employees/${TRANSFER.nip}`);
    await page.getByRole('heading', { name: TRANSFER.fullName }).waitFor();
    const form = page.getByTestId('transfer-form');
    await form.getByLabel('OPD tujuan').selectOption('DINKES');
    await form.locator('#transfer-position option[value="DINKES-PLK"]').waitFor({ state: 'attached' });
    await form.getByLabel('Jabatan tujuan').selectOption('DINKES-PLK');
    await form.getByLabel('Jenis perubahan').selectOption('MUTASI');

    // Before the current assignment: the server's BadRequest shows under the date.
    await form.getByLabel('Tanggal berlaku (TMT)').fill('2023-06-01');
    await form.getByRole('button', { name: 'Simpan mutasi' }).click();
    await page
      .getByTestId('transfer-date-error')
      .getByText('Tanggal berlaku 2023-06-01 tidak setelah awal jabatan saat ini (2024-01-02)', { exact: false })
      .waitFor();

    await form.getByLabel('Tanggal berlaku (TMT)').fill(EFFECTIVE);
    await form.getByRole('button', { name: 'Simpan mutasi' }).click();
    await page.getByTestId('transfer-done').getByText('Mutasi ke Pengadministrasi Umum telah dicatat.').waitFor();
    assert.equal(await page.getByTestId('transfer-date-error').count(), 0);
    await page.getByTestId('current-position').getByText('Pengadministrasi Umum (DINKES-PLK)').waitFor();
    await page.getByTestId('assignment-history').locator('tbody tr').nth(1).waitFor();
    const rows = await tableRows(page, 'assignment-history');
    assert.deepEqual(rows, [
      ['Pengadministrasi Umum (DINKES-PLK)', 'Pelaksana', 'DINKES', 'BID-YANKES', '2 Februari 2026', 'sekarang', 'Mutasi'],
      ['Pengelola Layanan Aplikasi (DISKOMINFO-PLK)', 'Pelaksana', 'DISKOMINFO', 'BID-APTIKA', '2 Januari 2024', '1 Februari 2026', 'Pengangkatan awal'],
    ]);
  }),
);

test('audit-log', T, () =>
  withBrowser('audit-log', async (page) => {
    await signIn(page, ADMIN.nip, config.adminPassword);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Log audit' }).click();
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Tindakan').selectOption({ label: 'Mutasi pegawai' });
    await filters.getByLabel('Sasaran (awalan)').fill(`employees/${TRANSFER.nip}`);
    await filters.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/#\/audit\?.*method=/);
    await page.getByTestId('audit-table').waitFor();
    const rows = await tableRows(page, 'audit-table');
    assert.equal(rows.length, 1, `expected one transfer of ${TRANSFER.nip}, got ${rows.length}`);
    const [time, actor, method, target, outcome] = rows[0];
    assert.equal(actor, ADMIN.nip);
    assert.match(method, /^Mutasi pegawai\s+TransferEmployee$/);
    assert.equal(target, `employees/${TRANSFER.nip}`);
    assert.equal(outcome, 'Diubah');
    // Shown in Asia/Jakarta: today's date there, and a WIB time.
    const today = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' })
      .format(new Date());
    assert.ok(time.startsWith(today), `time '${time}' is not on ${today} (Asia/Jakarta)`);
    assert.match(time, /\d{2}\.\d{2}\.\d{2} WIB$/);
    await page.getByTestId('audit-table').getByText('Lihat').click();
    await page.getByTestId('audit-table').getByText('"DINKES-PLK"').first().waitFor();
  }),
);
