import type { MantineColor, MantineSize } from '@mantine/core';
import { StateBadge } from '@nanshan/ui';
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
  'data-testid': testId = 'profile-verification-status',
}: {
  status: VerificationStatus;
  size?: MantineSize;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={COLORS[status]} size={size} data-testid={testId}>
      {t(`enterprise.verification.${status}`)}
    </StateBadge>
  );
}
