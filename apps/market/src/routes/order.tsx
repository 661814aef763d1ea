import { Accordion, Alert, Anchor, Button, Card, Grid, Group, List, Stack, Title } from '@mantine/core';
import { formatFen, QueryState, StatusBadge, TraceList, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OrderAmounts } from '../features/orders/OrderAmounts';
import { PaymentPanel } from '../features/orders/PaymentPanel';
import { useReasonText } from '../features/quote/use-reason-text';
import { SubsidyCapCard } from '../features/subsidy/SubsidyCapCard';
import type { OrderDetail } from '../lib/api-types';

/** Stripe confirms by webhook, so an order awaiting a Stripe payment is re-read until it settles. */
function pollWhileAwaitingStripe(order: OrderDetail | undefined): number | false {
  return order?.status === 'awaiting_payment' && order.payment.gateway === 'stripe' ? 5_000 : false;
}

export function OrderRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const reasonText = useReasonText();
  const { orderId = '' } = useParams();
  const order = useQuery(
    trpc.orders.get.queryOptions(
      { orderId },
      { refetchInterval: (q) => pollWhileAwaitingStripe(q.state.data) },
    ),
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/orders" size="sm">
        ← {t('order.back')}
      </Anchor>
      <QueryState query={order} skeletonRows={8}>
        {(o) => (
          <Stack gap="lg">
            <Group justify="space-between">
              <Title order={2}>{t('order.title')}</Title>
              <StatusBadge status={o.status} size="lg" data-testid="order-status" />
            </Group>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Card>
                  <Stack>
                    <OrderAmounts order={o} />
                    {o.reasons.length > 0 ? (
                      <Alert
                        color="gray"
                        variant="light"
                        title={t('order.reasonsTitle')}
                        data-testid="order-reasons"
                      >
                        <List size="sm">
                          {o.reasons.map((code) => (
                            <List.Item key={code} data-reason={code}>
                              {reasonText(code)}
                            </List.Item>
                          ))}
                        </List>
                      </Alert>
                    ) : null}
                  </Stack>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack>
                  {o.status === 'awaiting_payment' ? (
                    <Card>
                      <Stack>
                        <Title order={4}>{t('order.payTitle')}</Title>
                        <PaymentPanel order={o} />
                      </Stack>
                    </Card>
                  ) : null}
                  {o.status === 'paid' ? (
                    <Alert color="teal" title={t('order.paidTitle')} data-testid="order-paid">
                      {t('order.paidBody', { subsidy: formatFen(o.subsidyFen, language) })}
                    </Alert>
                  ) : null}
                  {o.delivery ? (
                    <Alert color="blue" title={t('order.deliveredTitle')} data-testid="order-delivered">
                      {t('order.deliveredBody', {
                        date: o.delivery.at.toLocaleDateString(language, { timeZone: 'Asia/Shanghai' }),
                        note: o.delivery.note ?? '',
                      })}
                    </Alert>
                  ) : null}
                  {o.status === 'paid' || o.status === 'refunded' ? (
                    <Button
                      component={Link}
                      to={`/orders/${o.id}/receipt`}
                      variant="light"
                      data-testid="order-receipt-link"
                    >
                      {t('order.receipt')}
                    </Button>
                  ) : null}
                  {o.status === 'cancelled' || o.status === 'expired' || o.status === 'failed' ? (
                    <Alert color="gray" title={t('order.closedTitle')} data-testid="order-closed">
                      {t('order.closedBody')}
                    </Alert>
                  ) : null}
                  {o.status === 'refunded' ? (
                    <Alert color="violet" title={t('order.closedTitle')}>
                      {t('order.refundedBody')}
                    </Alert>
                  ) : null}
                  {o.status !== 'awaiting_payment' ? <SubsidyCapCard /> : null}
                </Stack>
              </Grid.Col>
            </Grid>
            <Accordion variant="contained">
              <Accordion.Item value="trace">
                <Accordion.Control data-testid="order-trace-toggle">{t('order.trace')}</Accordion.Control>
                <Accordion.Panel>
                  <TraceList steps={o.trace} data-testid="order-trace" />
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
