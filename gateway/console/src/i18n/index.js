// Language of the console: Bahasa Indonesia by default, English on request; the choice is kept in
// localStorage. t("key", {var}) looks a text up in the current dictionary ("{var}" is replaced).
import { useEffect, useState } from 'preact/hooks';
import en from './en.js';
import id from './id.js';

const STORAGE_KEY = 'kinerja.lang';
const DICTIONARIES = { id, en };
const listeners = new Set();

function stored() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let current = stored();

/** "id" or "en". */
export const currentLang = () => current;

/** The BCP 47 locale for Intl formatting. */
export const currentLocale = () => (current === 'en' ? 'en-GB' : 'id-ID');

export function setLang(lang) {
  current = lang === 'en' ? 'en' : 'id';
  try {
    window.localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // Storage refused (private mode): the choice lasts until the page is reloaded.
  }
  document.documentElement.lang = current;
  for (const fn of listeners) fn(current);
}

/** Re-renders the calling component when the language changes; returns the language. */
export function useLang() {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    document.documentElement.lang = current;
    return () => listeners.delete(set);
  }, []);
  return lang;
}

/** The text for `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.id[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** True when `key` has a text (used for optional labels such as enum values). */
export const hasText = (key) => key in DICTIONARIES[current] || key in DICTIONARIES.id;
