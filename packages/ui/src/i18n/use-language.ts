import { useTranslation } from 'react-i18next';
import { type Language, toLanguage } from './languages';

/** The current UI language, narrowed to the two the product supports. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Picks the text for the current language from a `{ zh, en }` pair (rules traces and reasons carry both). */
export function pickText(texts: { zh: string; en: string }, language: Language): string {
  return language === 'en' ? texts.en : texts.zh;
}
