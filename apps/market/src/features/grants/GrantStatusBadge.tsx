import type { MantineSize } from '@mantine/core';
import { GRANT_STATUS_COLORS, type GrantStatus, StateBadge } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';

/** An application's status; `data-status` carries the code so tests do not depend on the language. */
export function GrantStatusBadge({
  status,
  size = 'md',
  'data-testid': testId = 'grant-status',
}: {
  status: GrantStatus;
  size?: MantineSize;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <StateBadge status={status} color={GRANT_STATUS_COLORS[status]} size={size} data-testid={testId}>
      {t(`grants.status.${status}`)}
    </StateBadge>
  );
}
