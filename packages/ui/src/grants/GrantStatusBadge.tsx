import type { MantineSize } from '@mantine/core';
import { StateBadge } from '../components/StateBadge';
import { type GrantAudience, useGrantStatusLabel } from './use-grant-status-label';
import { GRANT_STATUS_COLORS, type GrantStatus } from './workflow';

export interface GrantStatusBadgeProps {
  status: GrantStatus;
  /** Whose words: the applicant's (market) or the staff's (admin). */
  audience: GrantAudience;
  size?: MantineSize;
  'data-testid'?: string;
}

/** An application's status; `data-status` carries the code so tests do not depend on the language. */
export function GrantStatusBadge({
  status,
  audience,
  size = 'md',
  'data-testid': testId = 'grant-status',
}: GrantStatusBadgeProps) {
  const statusLabel = useGrantStatusLabel(audience);
  return (
    <StateBadge status={status} color={GRANT_STATUS_COLORS[status]} size={size} data-testid={testId}>
      {statusLabel(status)}
    </StateBadge>
  );
}
