// Dates, times and enum values as people read them. Calendar days are Asia/Jakarta days (no zone);
// timestamps are shown in Asia/Jakarta (WIB).
import { currentLocale, hasText, t } from '../i18n/index.js';

const JAKARTA = 'Asia/Jakarta';

/** A kinerja.v1.Date ({year, month, day}) as "2 Januari 2024"; "" when unset. */
export function formatDate(d) {
  if (!d || !d.year) return '';
  const fmt = new Intl.DateTimeFormat(currentLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return fmt.format(new Date(Date.UTC(d.year, (d.month || 1) - 1, d.day || 1)));
}

/** An RFC 3339 timestamp in Asia/Jakarta, e.g. "12 Mar 2025, 14.03.05 WIB"; "" when unset. */
export function formatDateTime(ts) {
  if (!ts) return '';
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return ts;
  const fmt = new Intl.DateTimeFormat(currentLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: JAKARTA,
  });
  return `${fmt.format(date)} WIB`;
}

/** "YYYY-MM-DD" -> {year, month, day}, or null when it is not a real calendar day. */
export function parseIsoDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** Today in Asia/Jakarta as "YYYY-MM-DD". */
export function todayInJakarta() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: JAKARTA }).format(new Date());
}

/**
 * The UTC instant (RFC 3339) at which a Jakarta day begins; with `nextDay`, the beginning of the day
 * after (an exclusive end for "up to and including this day"). WIB is UTC+7 all year.
 */
export function jakartaDayStart(isoDay, nextDay = false) {
  const d = parseIsoDate(isoDay);
  if (!d) return '';
  const ms = Date.UTC(d.year, d.month - 1, d.day + (nextDay ? 1 : 0)) - 7 * 3600 * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The label of an enum value, e.g. enumLabel("PositionKind", "JPT"); the raw name if unknown. */
export function enumLabel(type, value) {
  if (!value) return '';
  const key = `enum.${type}.${value}`;
  return hasText(key) ? t(key) : value;
}

/** The NIP in "accounts/{nip}" or "employees/{nip}"; the input otherwise. */
export function nipOf(resourceName) {
  const m = /^(?:accounts|employees)\/(\d{18})$/.exec(resourceName || '');
  return m ? m[1] : resourceName || '';
}
