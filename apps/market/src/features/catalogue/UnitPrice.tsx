import { Text } from '@mantine/core';
import { Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { useUnitLabel } from './use-unit-label';

/** "¥32.00 / 卡时" */
export function UnitPrice({ fen, unit, testId }: { fen: number; unit: string; testId?: string }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  return (
    <Text component="span" size="sm" style={{ whiteSpace: 'nowrap' }}>
      <Money fen={fen} fw={600} data-testid={testId} />{' '}
      <Text component="span" c="dimmed" size="sm">
        {t('catalogue.perUnit', { unit: unitLabel(unit) })}
      </Text>
    </Text>
  );
}
