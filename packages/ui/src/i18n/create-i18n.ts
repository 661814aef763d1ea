import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, toLanguage } from './languages';
import { uiEn } from './ui-en';
import { uiZhCN } from './ui-zh-CN';

export const LANGUAGE_STORAGE_KEY = 'nanshan.language';

/** Both languages of an app's own strings (namespace `translation`); `en` must have the same shape. */
export interface AppResources<T> {
  'zh-CN': T;
  en: T;
}

function storedLanguage(): Language {
  try {
    return toLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return DEFAULT_LANGUAGE; // storage can be disabled (privacy mode); Chinese is the default anyway
  }
}

function rememberLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still works for this page
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * One i18next instance per app: Chinese (zh-CN) first, English second, the choice kept in localStorage (shared by
 * both apps on one origin) and mirrored to <html lang>. The app's strings are namespace `translation`, the shared
 * components' strings namespace `ui`. Resources are bundled, so initialisation is synchronous.
 */
export function createI18n<T extends object>(resources: AppResources<T>): i18n {
  const instance = i18next.createInstance();
  const lng = storedLanguage();
  instance.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: resources['zh-CN'], ui: uiZhCN },
      en: { translation: resources.en, ui: uiEn },
    },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    ns: ['translation', 'ui'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (language) => rememberLanguage(toLanguage(language)));
  rememberLanguage(lng);
  return instance;
}
