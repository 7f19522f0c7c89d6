// Turning gateway errors into messages for people, in the console's language. The server writes its
// messages in English; the ones a person can act on are recognised here and said in Indonesian.
import { currentLang, t } from '../i18n/index.js';
import { ApiError } from './api.js';

// [pattern, dictionary key, names of the captured groups]
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
];

/** The server's message in the console's language when it is a known one; as is otherwise. */
export function localizeServerMessage(message) {
  if (currentLang() === 'en' || !message) return message || '';
  for (const [re, key, names] of SERVER_MESSAGES) {
    const m = re.exec(message);
    if (m) return t(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
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
      return t('error.invalid', { message: localizeServerMessage(err.serverMessage) });
    case 401:
      return t('error.sessionEnded');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
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
