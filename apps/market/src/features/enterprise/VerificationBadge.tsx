import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseProfile } from '../../lib/api-types';

export type VerificationStatus = EnterpriseProfile['verification']['status'];

const COLORS: Record<VerificationStatus, MantineColor> = {
  verified: 'teal',
  pending: 'yellow',
  rejected: 'red',
  revoked: 'orange',
};

/** Where the profile stands with the district; `data-status` carries the code for tests. */
export function VerificationBadge({
  status,
  size = 'md',
  testId = 'profile-verification-status',
}: {
  status: VerificationStatus;
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
      {t(`enterprise.verification.${status}`)}
    </Badge>
  );
}
