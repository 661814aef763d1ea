import { StateBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { ProviderStatus } from '../../lib/api-types';
import { PROVIDER_STATUS_COLORS } from './labels';

export function ProviderStatusBadge({
  status,
  'data-testid': testId = 'provider-status',
}: {
  status: ProviderStatus;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={PROVIDER_STATUS_COLORS[status]} data-testid={testId}>
      {t(`providers.status.${status}`)}
    </StateBadge>
  );
}
