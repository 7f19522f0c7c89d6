// SkpService calls the console makes (protos/kinerja/v1/skp.proto, HTTP mapping from its
// google.api.http annotations), and the small pieces of DOMAIN.md 3 and 5 the pages show before the
// server answers (the predikat matrix, which ratings need a justification). The server decides.
import { get, patch, post, put, seg } from './api.js';
import { newRequestId } from './directory.js';

export const SKP_STATES = [
  'SKP_STATE_DRAFT',
  'SKP_STATE_SUBMITTED',
  'SKP_STATE_RETURNED',
  'SKP_STATE_APPROVED',
  'SKP_STATE_EVALUATED',
  'SKP_STATE_FINAL',
  'SKP_STATE_CLOSED_BY_TRANSFER',
];
export const APPROACHES = ['SKP_APPROACH_KUANTITATIF', 'SKP_APPROACH_KUALITATIF'];
export const RHK_KINDS = ['RHK_KIND_UTAMA', 'RHK_KIND_TAMBAHAN'];
export const PERSPECTIVES = [
  'PERSPECTIVE_PENERIMA_LAYANAN',
  'PERSPECTIVE_PROSES_BISNIS',
  'PERSPECTIVE_PENGUATAN_INTERNAL',
  'PERSPECTIVE_ANGGARAN',
];
export const IKI_ASPECTS = ['IKI_ASPECT_KUANTITAS', 'IKI_ASPECT_KUALITAS', 'IKI_ASPECT_WAKTU', 'IKI_ASPECT_BIAYA'];
export const BERAKHLAK = [
  'BERAKHLAK_BERORIENTASI_PELAYANAN',
  'BERAKHLAK_AKUNTABEL',
  'BERAKHLAK_KOMPETEN',
  'BERAKHLAK_HARMONIS',
  'BERAKHLAK_LOYAL',
  'BERAKHLAK_ADAPTIF',
  'BERAKHLAK_KOLABORATIF',
];
// Highest first, as the rating forms list them.
export const RATINGS = ['RATING_DI_ATAS_EKSPEKTASI', 'RATING_SESUAI_EKSPEKTASI', 'RATING_DI_BAWAH_EKSPEKTASI'];
export const PREDIKATS = [
  'PREDIKAT_SANGAT_BAIK',
  'PREDIKAT_BAIK',
  'PREDIKAT_BUTUH_PERBAIKAN',
  'PREDIKAT_KURANG_MISCONDUCT',
  'PREDIKAT_SANGAT_KURANG',
];
export const ORG_PREDIKATS = [
  'ORGANIZATION_PREDIKAT_ISTIMEWA',
  'ORGANIZATION_PREDIKAT_BAIK',
  'ORGANIZATION_PREDIKAT_BUTUH_PERBAIKAN',
  'ORGANIZATION_PREDIKAT_KURANG',
  'ORGANIZATION_PREDIKAT_SANGAT_KURANG',
];

/** The justification a Di Atas or Di Bawah rating needs (DOMAIN.md 5.2), in characters. */
export const MIN_JUSTIFICATION = 20;
export const needsJustification = (rating) =>
  rating === 'RATING_DI_ATAS_EKSPEKTASI' || rating === 'RATING_DI_BAWAH_EKSPEKTASI';

// DOMAIN.md 5.3: [hasil kerja][perilaku kerja], in the order Di Bawah, Sesuai, Di Atas.
const LEVEL = { RATING_DI_BAWAH_EKSPEKTASI: 0, RATING_SESUAI_EKSPEKTASI: 1, RATING_DI_ATAS_EKSPEKTASI: 2 };
const MATRIX = [
  ['PREDIKAT_SANGAT_KURANG', 'PREDIKAT_BUTUH_PERBAIKAN', 'PREDIKAT_BUTUH_PERBAIKAN'],
  ['PREDIKAT_KURANG_MISCONDUCT', 'PREDIKAT_BAIK', 'PREDIKAT_BAIK'],
  ['PREDIKAT_KURANG_MISCONDUCT', 'PREDIKAT_BAIK', 'PREDIKAT_SANGAT_BAIK'],
];

/** The predikat the matrix gives two ratings; "" while either is missing. */
export function predikatFor(hasilKerja, perilakuKerja) {
  const h = LEVEL[hasilKerja];
  const p = LEVEL[perilakuKerja];
  return h === undefined || p === undefined ? '' : MATRIX[h][p];
}

/** The current year in Asia/Jakarta. */
export const currentYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/** "employees/{nip}/skps/{id}" -> {nip, id}; null otherwise. */
export function parseSkpName(name) {
  const m = /^employees\/(\d{18})\/skps\/(\d+)$/.exec(name || '');
  return m ? { nip: m[1], id: m[2] } : null;
}

/** "opds/DINKES" -> "DINKES". */
export const opdCode = (name) => String(name || '').replace(/^opds\//, '');
/** "positions/DINKES-PLK" -> "DINKES-PLK". */
export const positionCode = (name) => String(name || '').replace(/^positions\//, '');

const skpPath = (nip, id) => `/v1/employees/${seg(nip)}/skps/${seg(id)}`;

export const listSkps = (nip, year) =>
  get(`/v1/employees/${seg(nip)}/skps`, { year: year || undefined }).then((r) => r.skps ?? []);
export const getSkp = (nip, id) => get(skpPath(nip, id));

/** CreateSkp for the assignment active today: {year, approach}. A retry reuses the request id. */
export const createSkp = (nip, skp, requestId = newRequestId()) =>
  post(`/v1/employees/${seg(nip)}/skps`, skp, { query: { requestId } });

/** UpdateSkp: the whole plan (approach, rhks) with the etag it was read with. */
export const updateSkp = (nip, id, skp) => patch(skpPath(nip, id), skp);

const transition = (verb) => (nip, id, etag, note) =>
  post(`${skpPath(nip, id)}:${verb}`, { etag: etag || undefined, note: note || undefined });
export const submitSkp = transition('submit');
export const approveSkp = transition('approve');
export const returnSkp = transition('return');
export const reviseSkp = transition('revise');

/** [{value, text}] per BerAKHLAK value; an empty text removes one. */
export const setExpectations = (nip, id, etag, expectations) =>
  post(`${skpPath(nip, id)}:setExpectations`, { etag, expectations });

/** {hasilKerja, hasilKerjaJustification, perilakuKerja, perilakuKerjaJustification}. */
export const evaluateSkp = (nip, id, etag, evaluation) => post(`${skpPath(nip, id)}:evaluate`, { etag, evaluation });

/** What the employee's RHK may name as intervensi for `year` (the superior's approved RHK). */
export const intervensiOptions = (nip, year) => get(`/v1/employees/${seg(nip)}/intervensiOptions`, { year });

export const subordinateSkps = (nip, year) =>
  get(`/v1/employees/${seg(nip)}/subordinateSkps`, { year }).then((r) => r.subordinates ?? []);

const opdYear = (opd, year) => `/v1/opds/${seg(opd)}/years/${seg(year)}`;
export const opdSkpSummary = (opd, year) => get(`${opdYear(opd, year)}/skpSummary`);
export const setOrganizationPredikat = (opd, year, predikat) =>
  put(`${opdYear(opd, year)}/organizationPredikat`, { predikat });
export const finalizeOpdSkps = (opd, year) => post(`${opdYear(opd, year)}:finalizeSkps`, {});

/** True when the plan's content may be edited by its owner. */
export const isEditable = (skp) => skp?.state === 'SKP_STATE_DRAFT' || skp?.state === 'SKP_STATE_RETURNED';

/**
 * A field path of a violation ("skp.rhks[0].ikis[1].target", "evaluation.hasil_kerja") in the form the
 * pages key their errors by: without the "skp."/"evaluation." prefix, lowerCamelCase
 * ("rhks[0].ikis[1].target", "hasilKerja").
 */
export function violationPath(field) {
  return String(field || '')
    .replace(/^(skp|evaluation)\./, '')
    .replace(/_([a-z])/g, (m, c) => c.toUpperCase());
}
