import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  DateTime,
  describeError,
  formatDateTime,
  Money,
  QueryState,
  StatusBadge,
  TraceList,
  useLanguage,
} from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUnitLabel } from '../features/catalogue/use-unit-label';
import { useEnterpriseLabels } from '../features/enterprise/labels';
import { useReasonText } from '../features/quote/use-reason-text';
import { useSubsidyLabel } from '../features/subsidy/articles';
import type { Receipt } from '../lib/api-types';

function isNotPaid(error: unknown): boolean {
  const d = describeError(error);
  return d.kind === 'server' && d.reason === 'order_not_paid';
}

/**
 * A paid order's receipt: buyer, provider, item, amounts with the subsidy's article and the rules' trace, payment.
 * Laid out for print (the app frame is hidden by print CSS), so "Print / save as PDF" gives the paper copy.
 */
export function ReceiptRoute() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const receipt = useQuery(trpc.orders.receipt.queryOptions({ orderId }));
  return (
    <Stack gap="lg" maw={880} mx="auto">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/orders/${orderId}`} size="sm">
          ← {t('receipt.back')}
        </Anchor>
        {receipt.data ? (
          <Button onClick={() => window.print()} variant="light" data-testid="receipt-print">
            {t('receipt.print')}
          </Button>
        ) : null}
      </Group>
      {receipt.isError && isNotPaid(receipt.error) ? (
        <Alert color="gray" data-testid="receipt-not-paid">
          {t('receipt.notPaid')}
        </Alert>
      ) : (
        <QueryState query={receipt} skeletonRows={12}>
          {(r) => <ReceiptSheet receipt={r} />}
        </QueryState>
      )}
    </Stack>
  );
}

function Field({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="baseline" gap="md">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right" component="div" data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

function ReceiptSheet({ receipt: r }: { receipt: Receipt }) {
  const { t } = useTranslation();
  // District names are stored in Chinese (as on the licence); the options carry their English names.
  const options = useQuery(
    trpc.enterprises.options.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const labels = useEnterpriseLabels(options.data);
  const language = useLanguage();
  const unitLabel = useUnitLabel();
  const subsidyLabel = useSubsidyLabel();
  const reasonText = useReasonText();
  const contractPeriod =
    r.item.contractPeriodFrom || r.item.contractPeriodTo
      ? `${r.item.contractPeriodFrom ?? '—'} ~ ${r.item.contractPeriodTo ?? '—'}`
      : t('receipt.noContractPeriod');
  return (
    <Paper
      p={{ base: 'md', sm: 'xl' }}
      className="receipt-sheet"
      data-testid="receipt"
      data-order-id={r.orderId}
    >
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>{t('receipt.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('receipt.subtitle')}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <StatusBadge status={r.status} size="lg" data-testid="receipt-status" />
            <Text size="xs" c="dimmed">
              {t('receipt.orderNo')}{' '}
              <Text span ff="monospace" size="xs" data-testid="receipt-order-id">
                {r.orderId}
              </Text>
            </Text>
          </Stack>
        </Group>
        {r.refundedAt ? (
          <Alert color="violet" variant="light" data-testid="receipt-refunded">
            {t('receipt.refunded', { time: formatDateTime(r.refundedAt, language) })}
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={6}>
            <Text fw={600}>{t('receipt.buyer')}</Text>
            <Text size="sm" data-testid="receipt-buyer">
              {r.buyer.name}
            </Text>
            <Field label={t('receipt.uscc')}>
              <Text span ff="monospace" size="sm">
                {r.buyer.uscc}
              </Text>
            </Field>
            <Field label={t('receipt.district')}>{labels.district(r.buyer.district)}</Field>
          </Stack>
          <Stack gap={6}>
            <Text fw={600}>{t('receipt.provider')}</Text>
            <Text size="sm" data-testid="receipt-provider">
              {r.provider.name}
            </Text>
            <Field label={t('receipt.uscc')}>
              <Text span ff="monospace" size="sm">
                {r.provider.uscc}
              </Text>
            </Field>
            {r.provider.address || r.provider.city ? (
              <Field label={t('receipt.address')}>
                {[r.provider.city, r.provider.address].filter(Boolean).join(' ')}
              </Field>
            ) : null}
            {r.provider.contactPhone || r.provider.contactEmail ? (
              <Field label={t('receipt.contact')}>
                {[r.provider.contactPhone, r.provider.contactEmail].filter(Boolean).join(' · ')}
              </Field>
            ) : null}
          </Stack>
        </SimpleGrid>

        <Divider />
        <Table withTableBorder={false} highlightOnHover={false} data-testid="receipt-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('receipt.item')}</Table.Th>
              <Table.Th ta="right">{t('receipt.quantity')}</Table.Th>
              <Table.Th ta="right">{t('receipt.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('receipt.listPrice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.item.title}
                </Text>
                {r.item.gpuModel ? (
                  <Text size="xs" c="dimmed">
                    {t('receipt.gpuModel')}: {r.item.gpuModel}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" data-testid="receipt-contract-period">
                  {t('receipt.contractPeriod')}: {contractPeriod}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {r.quantity.toLocaleString()} {unitLabel(r.item.unit)}
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={r.unitPriceFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={r.listPriceFen} data-testid="receipt-list-price" />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        <Stack gap={6} maw={420} ml="auto" w="100%">
          <Field label={t('receipt.listPrice')}>
            <Money fen={r.listPriceFen} />
          </Field>
          <Field label={subsidyLabel(r.subsidy.article)}>
            <Text span inherit c="teal.8">
              {r.subsidy.amountFen > 0 ? '− ' : ''}
              <Money fen={r.subsidy.amountFen} data-testid="receipt-subsidy" />
            </Text>
          </Field>
          <Field label={t('receipt.subsidyArticle')}>
            <Text span size="sm" data-testid="receipt-article" data-article={r.subsidy.article ?? 'none'}>
              {r.subsidy.article ? subsidyLabel(r.subsidy.article) : t('receipt.noArticle')}
            </Text>
          </Field>
          <Divider />
          <Group justify="space-between">
            <Text fw={600}>{t('receipt.payable')}</Text>
            <Money fen={r.payableFen} fw={700} size="lg" data-testid="receipt-payable" />
          </Group>
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={6}>
            <Text fw={600}>{t('receipt.payment')}</Text>
            <Field label={t('receipt.placedAt')}>
              <DateTime value={r.placedAt} size="sm" />
            </Field>
            <Field label={t('receipt.paidAt')}>
              <DateTime value={r.paidAt} size="sm" />
            </Field>
            <Text size="sm" data-testid="receipt-gateway" data-gateway={r.payment.gateway}>
              {t(`receipt.gateway.${r.payment.gateway}`)}
            </Text>
            {r.payment.reference ? (
              <Field label={t('receipt.reference')}>
                <Text span ff="monospace" size="xs">
                  {r.payment.reference}
                </Text>
              </Field>
            ) : null}
            <Field label={t('receipt.invoice')}>{r.invoiceRef ?? t('receipt.noInvoice')}</Field>
          </Stack>
          <Stack gap={6}>
            <Text fw={600}>{t('receipt.declaration')}</Text>
            <Text size="sm" data-testid="receipt-declaration" data-not-related={r.notRelatedDeclared}>
              {r.notRelatedDeclared ? t('receipt.notRelated') : t('receipt.related')}
            </Text>
            {r.subsidy.reasons.length > 0 ? (
              <>
                <Text fw={600} size="sm" mt="xs">
                  {t('receipt.reasons')}
                </Text>
                <List size="sm" data-testid="receipt-reasons">
                  {r.subsidy.reasons.map((code) => (
                    <List.Item key={code} data-reason={code}>
                      {reasonText(code)}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        </SimpleGrid>

        <Stack gap="xs" className="receipt-trace">
          <Text fw={600}>{t('receipt.trace')}</Text>
          <TraceList steps={r.subsidy.trace} data-testid="receipt-trace" />
          <Text size="xs" c="dimmed" data-testid="receipt-ruleset">
            {t('receipt.ruleset', { version: r.subsidy.rulesetVersion, hash: r.subsidy.paramsHash })}
          </Text>
        </Stack>
        <Divider />
        <Text size="xs" c="dimmed">
          {t('receipt.footer')}
        </Text>
      </Stack>
    </Paper>
  );
}
