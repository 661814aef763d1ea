import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export interface StateBadgeProps {
  /** The machine code, in `data-status` so tests do not depend on the language. */
  status: string;
  color: MantineColor;
  children: ReactNode;
  size?: MantineSize;
  'data-testid'?: string;
}

/** A workflow or review state (enterprise verification, provider filing, grant step, batch). */
export function StateBadge({ status, color, children, size = 'md', 'data-testid': testId }: StateBadgeProps) {
  return (
    <Badge color={color} variant="light" size={size} tt="none" data-testid={testId} data-status={status}>
      {children}
    </Badge>
  );
}
