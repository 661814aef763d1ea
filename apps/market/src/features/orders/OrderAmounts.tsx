import { Divider, Group, Stack, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../lib/api-types';
import { UnitPrice } from '../catalogue/UnitPrice';
import { useUnitLabel } from '../catalogue/use-unit-label';
import { useSubsidyLabel } from '../subsidy/articles';

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

export function OrderAmounts({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const subsidyLabel = useSubsidyLabel();
  return (
    <Stack gap="xs">
      <Row label={t('order.number')}>
        <Text size="xs" ff="monospace" component="span" data-testid="order-id">
          {order.id}
        </Text>
      </Row>
      <Row label={t('order.offering')}>{order.offeringTitle}</Row>
      <Row label={t('order.provider')}>{order.providerName}</Row>
      <Row label={t('order.unitPrice')}>
        <UnitPrice fen={order.unitPriceFen} unit={order.unit} />
      </Row>
      <Row label={t('order.quantity')}>
        {order.quantity.toLocaleString()} {unitLabel(order.unit)}
      </Row>
      <Row label={t('order.createdAt')}>
        <DateTime value={order.createdAt} />
      </Row>
      {order.paidAt ? (
        <Row label={t('order.paidAt')}>
          <DateTime value={order.paidAt} />
        </Row>
      ) : null}
      <Divider />
      <Row label={t('order.listPrice')}>
        <Money fen={order.listPriceFen} data-testid="order-list-price" />
      </Row>
      <Row label={subsidyLabel(order.article)}>
        <Text component="span" inherit c="teal.8">
          {order.subsidyFen > 0 ? '− ' : ''}
          <Money fen={order.subsidyFen} data-testid="order-subsidy" />
        </Text>
      </Row>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('order.payable')}</Text>
        <Money fen={order.payableFen} fw={700} size="lg" data-testid="order-payable" />
      </Group>
    </Stack>
  );
}
