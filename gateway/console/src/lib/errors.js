// Turning gateway errors into messages for people, in the console's language. The server writes its
// messages in English; the ones a person can act on are recognised here and said in Indonesian.
import { currentLang, t } from '../i18n/index.js';
import { ApiError, GRPC } from './api.js';
import { enumLabel } from './format.js';

const stateLabel = (v) => enumLabel('SkpState', `SKP_STATE_${v}`);
const actionLabel = (v) => t(`skpAction.${v.replace(/ /g, '')}`);
// "Baik at most 70% (3 of 4); Butuh Perbaikan or Kurang/Misconduct at least 1 employee (0 of 4)"
const quotaDetails = (v) =>
  v
    .replace(/ at most /g, ' paling banyak ')
    .replace(/ at least /g, ' paling sedikit ')
    .replace(/ or /g, ' atau ')
    .replace(/ of /g, ' dari ')
    .replace(/ employees?\b/g, ' pegawai');

// [pattern, dictionary key, names of the captured groups, optional {name: transform}]
const SERVER_MESSAGES = [
  [/^Password must be at least (\d+) characters long; this one has (\d+)/, 'server.passwordTooShort', ['min', 'got']],
  [/^Password must be at most (\d+) bytes/, 'server.passwordTooLong', ['max']],
  [/^Password must not be a single character repeated/, 'server.passwordRepeated', []],
  [/^Password must not contain your NIP/, 'server.passwordHasNip', []],
  [/^Password must not contain your birth date/, 'server.passwordHasBirthDate', []],
  [/^Password must mix at least 2 kinds/, 'server.passwordKinds', []],
  [/^Password must be valid UTF-8/, 'server.passwordControl', []],
  [/^must differ from the current password/, 'server.passwordSame', []],
  [/effective date (\S+) is not after the start of the current assignment \((\S+)\)/, 'server.notAfterCurrent', ['date', 'start']],
  [/effective date (\S+) overlaps the assignment that ends on (\S+)/, 'server.overlaps', ['date', 'end']],
  [/already holds this position since (\S+)/, 'server.alreadyHolds', ['since']],
  [/position is held by NIP (\d{18})/, 'server.positionHeld', ['nip']],
  [/unknown position '([^']*)'/, 'server.unknownPosition', ['code']],
  [/is not a real calendar day/, 'server.notADay', []],
  [/another import or transfer is running/, 'server.busy', []],
  // SkpService (whole-call messages first, then field violations)
  [/^the plan is not valid$/, 'server.planNotValid', []],
  [/^the plan is not complete enough to submit$/, 'server.planIncomplete', []],
  [/^the evaluation is not complete$/, 'server.evaluationIncomplete', []],
  [/^invalid request$/, 'server.invalidRequest', []],
  [/^an SKP in state (\w+) cannot be given the action '([^']+)'/, 'server.skpWrongState', ['state', 'action'],
    { state: stateLabel, action: actionLabel }],
  [/was changed by someone else/, 'server.skpStale', []],
  [/^the assignment as (.+) already has an SKP for (\d{4})/, 'server.skpExists', ['position', 'year']],
  [/^employee \d{18} holds no position on (\S+); an SKP belongs/, 'server.skpNoAssignment', ['date']],
  [/^employees\/\d{18}\/skps\/\d+ was closed on (\S+) when/, 'server.skpClosed', ['date']],
  [/^an RHK removed from this plan supports (\S+);/, 'server.rhkInUse', ['skp']],
  [/^the OPD has no organisation predikat for the year/, 'server.noOrgPredikat', []],
  [/^the Rating Hasil Kerja of the head of (\S+) follows the OPD's organisation predikat, and none is entered for (\d{4})/,
    'server.headNeedsOrgPredikat', ['opd', 'year']],
  [/^the Rating Hasil Kerja of the head of (\S+) follows the OPD's organisation predikat for (\d{4}), (.+), which gives (.+?):/,
    'server.headHasilFollowsOrg', ['opd', 'year', 'predikat', 'rating']],
  [/^(employees\/\d{18}\/skps\/\d+) is the plan of the OPD's head, rated (.+?) for hasil kerja; the organisation predikat is now (.+?), which gives (.+?):/,
    'server.headRatingStale', ['skp', 'rated', 'predikat', 'rating']],
  [/^(employees\/\d{18}\/skps\/\d+) is the plan of the OPD's head, rated (.+?) for hasil kerja; the organisation predikat is now not entered/,
    'server.headRatingNoOrgPredikat', ['skp', 'rated']],
  [/^the predikat distribution does not meet the quota of the organisation predikat: (.*)$/, 'server.quotaNotMet', ['details'],
    { details: quotaDetails }],
  [/^is required$/, 'server.required', []],
  [/^needs at least (\d+) characters$/, 'server.minChars', ['min']],
  [/^at most ([\d,]+) characters/, 'server.maxChars', ['max']],
  [/^choose KUANTITATIF or KUALITATIF$/, 'server.chooseApproach', []],
  [/^choose UTAMA or TAMBAHAN$/, 'server.chooseKind', []],
  [/^only plans of JPT positions name a perspective$/, 'server.perspectiveNotJpt', []],
  [/^choose KUANTITAS, KUALITAS, WAKTU or BIAYA$/, 'server.chooseAspect', []],
  [/^a KUANTITATIF plan needs a number/, 'server.numericTarget', []],
  [/^every RHK needs at least one IKI$/, 'server.needsIki', []],
  [/^a JPT plan names a perspective for every RHK$/, 'server.needsPerspective', []],
  [/^at the top of the cascade an RHK names its Perjanjian Kinerja$/, 'server.needsPerjanjian', []],
  [/^'([^']*)' is not an approved RHK of the superior's SKP for (\d{4})$/, 'server.unknownIntervensi', ['id', 'year']],
  [/^choose the superior's RHK this one contributes to$/, 'server.chooseIntervensi', []],
  [/^a plan needs at least one UTAMA RHK$/, 'server.needsUtama', []],
  [/^returning a plan needs a note for the employee$/, 'server.needsNote', []],
  [/^a rating of Di Atas or Di Bawah Ekspektasi needs a written justification of at least (\d+) characters$/,
    'server.needsJustification', ['min']],
  [/^choose Di Atas, Sesuai or Di Bawah Ekspektasi$/, 'server.chooseRating', []],
];

/** The server's message in the console's language when it is a known one; as is otherwise. */
export function localizeServerMessage(message) {
  if (currentLang() === 'en' || !message) return message || '';
  for (const [re, key, names, transforms] of SERVER_MESSAGES) {
    const m = re.exec(message);
    if (m) {
      return t(key, Object.fromEntries(names.map((n, i) => [n, transforms?.[n] ? transforms[n](m[i + 1]) : m[i + 1]])));
    }
  }
  return message;
}

/** A message for any failed call. */
export function messageFor(err) {
  if (!(err instanceof ApiError)) return t('error.generic');
  switch (err.status) {
    case 0:
      return t('error.network');
    case 400:
      if (err.code === GRPC.FAILED_PRECONDITION) {
        return t('error.precondition', { message: localizeServerMessage(err.serverMessage) });
      }
      return t('error.invalid', { message: localizeServerMessage(err.serverMessage) });
    case 401:
      return t('error.sessionEnded');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      if (err.code === GRPC.ABORTED) return t('error.stale');
      if (err.code === GRPC.ALREADY_EXISTS) {
        return t('error.exists', { message: localizeServerMessage(err.serverMessage) });
      }
      return t('error.conflict', { message: localizeServerMessage(err.serverMessage) });
    case 412:
      return t('error.precondition', { message: localizeServerMessage(err.serverMessage) });
    case 429:
      return t('error.tooMany');
    case 502:
    case 503:
    case 504:
      return t('error.unavailable');
    default:
      return t('error.status', { status: err.status });
  }
}

/** A field name from a violation ("effective_date", "effectiveDate", "x.effective_date") as a key. */
export const fieldKey = (field) => String(field).split('.').pop().replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * The field violations of a 400 as {fieldKey: message}, for the fields in `known` (their keys);
 * violations of other fields are returned in `other`.
 */
export function fieldErrors(err, known) {
  const byField = {};
  const other = [];
  if (err instanceof ApiError) {
    for (const v of err.fieldViolations()) {
      const key = fieldKey(v.field);
      const text = localizeServerMessage(v.description);
      if (known.includes(key)) byField[key] = byField[key] ? `${byField[key]} ${text}` : text;
      else other.push(`${v.field}: ${text}`);
    }
  }
  return { byField, other };
}

/**
 * Every field violation of a 400 as {path: message}, the path made by `normalize(field)`; several
 * violations of one field are joined.
 */
export function violationMap(err, normalize = (f) => f) {
  const out = {};
  if (err instanceof ApiError) {
    for (const v of err.fieldViolations()) {
      const key = normalize(v.field);
      const text = localizeServerMessage(v.description);
      out[key] = out[key] ? `${out[key]} ${text}` : text;
    }
  }
  return out;
}

/**
 * The message over a form after a failed call. A 400 with field violations says what the server
 * found wrong in general ("the plan is not complete enough to submit") and leaves the details to
 * the fields, except those in `unshown` ([path, message] the form has no place for), which it lists.
 */
export function formProblem(err, unshown = []) {
  if (!(err instanceof ApiError) || err.status !== 400 || err.fieldViolations().length === 0) return messageFor(err);
  const what = String(err.serverMessage || '').split(': ')[0];
  const local = localizeServerMessage(what) || t('server.invalidRequest');
  const head = t('error.fieldsSummary', { message: local.charAt(0).toUpperCase() + local.slice(1) });
  return [head, ...unshown.map(([path, message]) => `${path}: ${message}`)].join(' ');
}
