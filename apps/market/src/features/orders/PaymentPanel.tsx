import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice, formatDateTime, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../lib/api-types';
import { CancelOrderButton } from './CancelOrderButton';
import { refreshAfterOrderChange } from './invalidate';

/**
 * Paying the part the subsidy does not cover. With the simulated gateway (no Stripe key on the server) the button is
 * labelled as a demo in both languages so nobody mistakes it for a real payment.
 */
export function PaymentPanel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pay = useMutation(
    trpc.payments.simulatePay.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('order.paid') });
        await refreshAfterOrderChange();
      },
    }),
  );
  return (
    <Stack data-testid="payment-panel">
      <Text size="sm">{t('order.deadline', { time: formatDateTime(order.expiresAt, language) })}</Text>
      {order.payment.gateway === 'simulated' ? (
        <Alert
          color="yellow"
          variant="light"
          title={
            <Group gap="xs">
              <Badge color="yellow" variant="filled" size="sm">
                {t('order.demoBadge')}
              </Badge>
              {t('order.simulatedTitle')}
            </Group>
          }
          data-testid="simulated-gateway-notice"
        >
          <Stack gap="sm">
            <Text size="sm">{t('order.simulatedNote')}</Text>
            {pay.isError ? <ErrorNotice error={pay.error} /> : null}
            <Button
              color="yellow"
              c="dark"
              loading={pay.isPending}
              onClick={() => pay.mutate({ orderId: order.id })}
              data-testid="simulated-pay"
            >
              {t('order.simulatedPay')}
            </Button>
          </Stack>
        </Alert>
      ) : order.payment.checkoutUrl ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('order.stripeNote')}
          </Text>
          <Button component="a" href={order.payment.checkoutUrl} rel="noopener" data-testid="stripe-checkout">
            {t('order.stripePay')}
          </Button>
        </Stack>
      ) : (
        <Alert color="gray">{t('order.stripePending')}</Alert>
      )}
      <Group justify="flex-end">
        <CancelOrderButton orderId={order.id} />
      </Group>
    </Stack>
  );
}
