import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
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
  testId = 'provider-status',
}: {
  status: Status;
  size?: MantineSize;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      data-testid={testId}
      data-status={status}
    >
      {t(`provider.status.${status}`)}
    </Badge>
  );
}
