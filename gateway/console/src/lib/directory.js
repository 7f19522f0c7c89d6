// DirectoryService calls the console makes, with the small lists it reuses kept for the session.
import { get, post, seg } from './api.js';

export const PAGE_SIZE = 20;
const MAX_PAGES = 20; // lists read whole: at most MAX_PAGES pages of 1000

let opdsPromise = null;

/** Forgets the kept lists (on sign-out: the next person may see other things). */
export function clearDirectoryCache() {
  opdsPromise = null;
}

async function readAll(path, query, field) {
  const out = [];
  let pageToken = '';
  for (let i = 0; i < MAX_PAGES; i++) {
    const r = await get(path, { ...query, pageSize: 1000, pageToken });
    out.push(...(r[field] ?? []));
    pageToken = r.nextPageToken || '';
    if (!pageToken) break;
  }
  return out;
}

/** Every OPD (for choosers), read once per session. */
export function allOpds() {
  if (!opdsPromise) {
    opdsPromise = readAll('/v1/opds', {}, 'opds').catch((err) => {
      opdsPromise = null;
      throw err;
    });
  }
  return opdsPromise;
}

/** Every position of an OPD (for the transfer form). */
export const positionsOfOpd = (opd) => readAll('/v1/positions', { opd }, 'positions');

export async function opdPage(pageToken) {
  const r = await get('/v1/opds', { pageSize: PAGE_SIZE, pageToken });
  return { items: r.opds ?? [], nextPageToken: r.nextPageToken };
}

export async function positionPage(opd, pageToken) {
  const r = await get('/v1/positions', { opd, pageSize: PAGE_SIZE, pageToken });
  return { items: r.positions ?? [], nextPageToken: r.nextPageToken };
}

/** ListEmployees with the filters of ListEmployeesRequest: {opd, positionKind, namePrefix}. */
export async function employeePage(filters, pageToken) {
  const r = await get('/v1/employees', { ...filters, pageSize: PAGE_SIZE, pageToken });
  return { items: r.employees ?? [], nextPageToken: r.nextPageToken };
}

export const getOpd = (code) => get(`/v1/opds/${seg(code)}`);
export const listUnits = (code) => get(`/v1/opds/${seg(code)}/units`).then((r) => r.units ?? []);
export const getEmployee = (nip) => get(`/v1/employees/${seg(nip)}`);
export const listAssignments = (nip) =>
  get(`/v1/employees/${seg(nip)}/assignments`).then((r) => r.assignments ?? []);
export const getSuperior = (nip) => get(`/v1/employees/${seg(nip)}/superior`);

/** 32 random hex characters: the request_id of one submission (a retry of it may reuse it). */
export function newRequestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** TransferEmployee: {position, effectiveDate: {year, month, day}, reason, requestId}. */
export const transferEmployee = (nip, request) => post(`/v1/employees/${seg(nip)}:transfer`, request);
