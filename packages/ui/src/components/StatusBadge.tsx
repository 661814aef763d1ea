import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type OrderStatus = 'awaiting_payment' | 'paid' | 'cancelled' | 'expired' | 'failed' | 'refunded';

const COLORS: Record<OrderStatus, MantineColor> = {
  awaiting_payment: 'yellow',
  paid: 'teal',
  cancelled: 'gray',
  expired: 'gray',
  failed: 'red',
  refunded: 'violet',
};

export interface StatusBadgeProps {
  status: OrderStatus;
  size?: MantineSize;
  'data-testid'?: string;
}

/** An order's status; `data-status` carries the code so tests do not depend on the language. */
export function StatusBadge({
  status,
  size = 'md',
  'data-testid': testId = 'order-status',
}: StatusBadgeProps) {
  const { t } = useTranslation('ui');
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      data-testid={testId}
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
