import type { MantineColor, MantineSize } from '@mantine/core';
import { StateBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { ProviderProfile } from '../../lib/api-types';

type Status = ProviderProfile['status'];

const COLORS: Record<Status, MantineColor> = {
  pending: 'yellow',
  approved: 'teal',
  filed: 'teal',
  suspended: 'orange',
  revoked: 'red',
};

/** A provider's standing with the district; `data-status` carries the code. */
export function ProviderStatusBadge({
  status,
  size = 'md',
  'data-testid': testId = 'provider-status',
}: {
  status: Status;
  size?: MantineSize;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={COLORS[status]} size={size} data-testid={testId}>
      {t(`provider.status.${status}`)}
    </StateBadge>
  );
}
