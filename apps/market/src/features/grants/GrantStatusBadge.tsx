import { Badge, type MantineSize } from '@mantine/core';
import { GRANT_STATUS_COLORS, type GrantStatus } from '@nanshan/ui';
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
    <Badge
      color={GRANT_STATUS_COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      data-testid={testId}
      data-status={status}
    >
      {t(`grants.status.${status}`)}
    </Badge>
  );
}
