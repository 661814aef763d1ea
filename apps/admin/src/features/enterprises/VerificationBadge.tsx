import { StateBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../lib/api-types';
import { VERIFICATION_COLORS } from './labels';

export function VerificationBadge({
  status,
  'data-testid': testId = 'enterprise-verification',
}: {
  status: VerificationStatus;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={VERIFICATION_COLORS[status]} data-testid={testId}>
      {t(`enterprises.verification.${status}`)}
    </StateBadge>
  );
}
