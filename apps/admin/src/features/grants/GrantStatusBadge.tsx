import type { GrantStatus } from '@nanshan/ui';
import { StateBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { GRANT_STATUS_COLORS } from './labels';

export function GrantStatusBadge({
  status,
  'data-testid': testId = 'grant-status',
}: {
  status: GrantStatus;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={GRANT_STATUS_COLORS[status]} data-testid={testId}>
      {t(`grants.status.${status}`)}
    </StateBadge>
  );
}
