import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateTime, ErrorNotice, Money, StatusBadge } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderOrder } from '../../lib/api-types';
import { useUnitLabel } from '../catalogue/use-unit-label';
import { refreshProviderViews } from './use-provider';

/**
 * Orders of the provider's offerings: the buyer, the terms, what the buyer paid and the subsidy the district owes,
 * and the delivery. A paid, undelivered order gets "mark delivered" with a delivery note (the delivery record a
 * subsidy reviewer expects).
 */
export function ProviderOrdersTable({ orders }: { orders: ProviderOrder[] }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const [delivering, setDelivering] = useState<ProviderOrder | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={1080}>
        <Table data-testid="provider-orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('providerDashboard.columns.paidAt')}</Table.Th>
              <Table.Th>{t('providerDashboard.columns.buyer')}</Table.Th>
              <Table.Th>{t('providerDashboard.columns.offering')}</Table.Th>
              <Table.Th ta="right">{t('providerDashboard.columns.quantity')}</Table.Th>
              <Table.Th ta="right">{t('providerDashboard.columns.payable')}</Table.Th>
              <Table.Th ta="right">{t('providerDashboard.columns.subsidy')}</Table.Th>
              <Table.Th>{t('providerDashboard.columns.contract')}</Table.Th>
              <Table.Th>{t('providerDashboard.columns.status')}</Table.Th>
              <Table.Th>{t('providerDashboard.columns.delivery')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((o) => (
              <Table.Tr
                key={o.id}
                data-testid="provider-order-row"
                data-order-id={o.id}
                data-to-fulfil={o.toFulfil}
              >
                <Table.Td>
                  {o.paidAt ? (
                    <DateTime value={o.paidAt} size="sm" />
                  ) : (
                    <DateTime value={o.createdAt} size="sm" c="dimmed" />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {o.enterpriseName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {o.enterpriseUscc}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.offeringTitle}</Text>
                  {o.contract.gpuType ? (
                    <Text size="xs" c="dimmed">
                      {o.contract.gpuType}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {o.quantity.toLocaleString()} {unitLabel(o.unit)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={o.payableFen} size="sm" fw={600} data-testid="provider-order-payable" />
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={o.subsidyFen} size="sm" c="teal.8" data-testid="provider-order-subsidy" />
                </Table.Td>
                <Table.Td>
                  {o.contract.periodFrom || o.contract.periodTo ? (
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {o.contract.periodFrom ?? '…'}
                      <br />~ {o.contract.periodTo ?? '…'}
                    </Text>
                  ) : (
                    <Text size="xs">—</Text>
                  )}
                </Table.Td>
                <Table.Td style={{ minWidth: 96 }}>
                  <StatusBadge status={o.status} data-testid="provider-order-status" />
                </Table.Td>
                <Table.Td>
                  {o.deliveredAt ? (
                    <Stack gap={0} data-testid="provider-order-delivered">
                      <Text size="xs" c="teal.8" fw={600}>
                        ✓ {t('providerDashboard.delivered')}
                      </Text>
                      <DateTime value={o.deliveredAt} size="xs" c="dimmed" />
                      {o.deliveryNote ? (
                        <Text size="xs" c="dimmed" lineClamp={2} maw={220} title={o.deliveryNote}>
                          {o.deliveryNote}
                        </Text>
                      ) : null}
                    </Stack>
                  ) : o.toFulfil ? (
                    <Button size="xs" onClick={() => setDelivering(o)} data-testid="mark-delivered">
                      {t('providerDashboard.markDelivered')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MarkDeliveredModal order={delivering} onClose={() => setDelivering(null)} />
    </>
  );
}

function MarkDeliveredModal({ order, onClose }: { order: ProviderOrder | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const mark = useMutation(
    trpc.providerOrders.markDelivered.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('providerDashboard.marked') });
        setNote('');
        onClose();
        await refreshProviderViews();
      },
    }),
  );
  function close() {
    mark.reset();
    onClose();
  }
  return (
    <Modal
      opened={order !== null}
      onClose={close}
      title={t('providerDashboard.markTitle')}
      centered
      size="lg"
    >
      {order ? (
        <Stack>
          <Text size="sm" fw={500}>
            {order.offeringTitle} · {order.enterpriseName}
          </Text>
          <Text size="sm" c="dimmed">
            {t('providerDashboard.markBody')}
          </Text>
          <Textarea
            label={t('providerDashboard.deliveryNote')}
            placeholder={t('providerDashboard.deliveryNotePlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="delivery-note"
          />
          {mark.isError ? <ErrorNotice error={mark.error} data-testid="mark-delivered-error" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('providerDashboard.markCancel')}
            </Button>
            <Button
              disabled={note.trim() === ''}
              loading={mark.isPending}
              onClick={() => mark.mutate({ orderId: order.id, deliveryNote: note.trim() })}
              data-testid="mark-delivered-confirm"
            >
              {t('providerDashboard.markConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
