import { Text, type TextProps } from '@mantine/core';
import { useLanguage } from '../i18n/use-language';
import { formatFen } from '../money/format-fen';

export interface MoneyProps extends TextProps {
  /** Integer fen. */
  fen: number;
  'data-testid'?: string;
}

/** An amount in CNY for the current language. `data-fen` carries the exact integer for tests and tooling. */
export function Money({ fen, ...props }: MoneyProps) {
  const language = useLanguage();
  return (
    <Text component="span" inherit className="nanshan-amount" data-fen={fen} {...props}>
      {formatFen(fen, language)}
    </Text>
  );
}
