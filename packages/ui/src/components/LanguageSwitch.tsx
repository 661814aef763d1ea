import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/** 中文 / English. Each option's label carries `data-testid="language-<code>"`. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation('ui');
  const language = useLanguage();
  return (
    <SegmentedControl
      size={size}
      value={language}
      onChange={(value) => void i18n.changeLanguage(value)}
      aria-label={t('language.label')}
      data-testid="language-switch"
      data={LANGUAGES.map((code: Language) => ({
        value: code,
        label: <span data-testid={`language-${code}`}>{t(`language.${code}`)}</span>,
      }))}
    />
  );
}
