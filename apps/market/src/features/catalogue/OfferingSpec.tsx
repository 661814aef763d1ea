import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Offering } from '../../lib/api-types';

export function OfferingSpec({ offering }: { offering: Pick<Offering, 'gpuModel' | 'gpuCount'> }) {
  const { t } = useTranslation();
  if (!offering.gpuModel) return <Text c="dimmed">—</Text>;
  return (
    <Text size="sm">
      {offering.gpuCount
        ? t('catalogue.gpu', { model: offering.gpuModel, count: offering.gpuCount })
        : offering.gpuModel}
    </Text>
  );
}
