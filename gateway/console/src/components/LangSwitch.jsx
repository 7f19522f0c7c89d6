// Bahasa Indonesia / English; the choice is remembered in localStorage.
import { currentLang, setLang, t } from '../i18n/index.js';

export function LangSwitch() {
  const lang = currentLang();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {['id', 'en'].map((l) => (
        <button
          type="button"
          key={l}
          class={l === lang ? 'lang active' : 'lang'}
          aria-pressed={l === lang ? 'true' : 'false'}
          lang={l}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
