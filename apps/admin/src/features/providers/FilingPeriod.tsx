import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProviderListItem } from '../../lib/api-types';

/** The 备案 / registration validity and where today falls in it. */
export function FilingPeriod({
  filing,
  size = 'sm',
}: {
  filing: ProviderListItem['filing'];
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="provider-filing-period" data-period={filing.period}>
      <Text size={size}>
        {filing.validFrom || filing.validTo
          ? `${filing.validFrom ?? '…'} – ${filing.validTo ?? t('providers.openEnded')}`
          : t('providers.noPeriod')}
      </Text>
      {filing.period !== 'in_force' ? (
        <Text size="xs" c="red.7">
          {t(`providers.period.${filing.period}`)}
        </Text>
      ) : null}
    </div>
  );
}
