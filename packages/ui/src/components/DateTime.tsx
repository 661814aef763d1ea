import { Text, type TextProps } from '@mantine/core';
import { useLanguage } from '../i18n/use-language';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time in Shenzhen (Asia/Shanghai), whatever the browser's zone: the policy year is a Shenzhen year. */
export function formatDateTime(value: Date, language: 'zh-CN' | 'en'): string {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(language, f);
  }
  return f.format(value);
}

export interface DateTimeProps extends TextProps {
  value: Date;
}

export function DateTime({ value, ...props }: DateTimeProps) {
  const language = useLanguage();
  return (
    <Text component="time" inherit dateTime={value.toISOString()} {...props}>
      {formatDateTime(value, language)}
    </Text>
  );
}
