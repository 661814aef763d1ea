import { Checkbox, Group, Table, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwedProvider } from '../../lib/api-types';
import { ExpandToggle } from '../common/ExpandToggle';
import { useArticleLabel } from '../common/use-article-label';

/**
 * What the district owes each provider, with the orders behind it; providers can be picked for a payout batch. The
 * subsidies of orders not delivered yet are shown apart: no batch pays them, and the net leaves them out.
 */
export function OwedTable({
  providers,
  selected,
  onToggle,
  onToggleAll,
}: {
  providers: OwedProvider[];
  selected: ReadonlySet<string>;
  onToggle: (providerId: string) => void;
  onToggleAll: (all: boolean) => void;
}) {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  const [open, setOpen] = useState<string | null>(null);
  const payable = providers.filter((p) => p.netFen > 0);
  const allSelected = payable.length > 0 && payable.every((p) => selected.has(p.providerId));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="owed-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                checked={allSelected}
                indeterminate={!allSelected && selected.size > 0}
                onChange={() => onToggleAll(!allSelected)}
                aria-label={t('settlement.selectAll')}
                data-testid="owed-select-all"
              />
            </Table.Th>
            <Table.Th>{t('settlement.columns.provider')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.owed')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.clawback')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.net')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.awaitingDelivery')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.ledger')}</Table.Th>
            <Table.Th ta="right">{t('settlement.columns.orders')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {providers.map((p) => {
            const expanded = open === p.providerId;
            return (
              <Fragment key={p.providerId}>
                <Table.Tr data-testid="owed-row" data-provider-id={p.providerId}>
                  <Table.Td>
                    <Checkbox
                      checked={selected.has(p.providerId)}
                      disabled={p.netFen <= 0}
                      onChange={() => onToggle(p.providerId)}
                      aria-label={p.providerName}
                      data-testid="owed-select"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.providerName}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.providerUscc}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={p.owedFen} size="sm" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={p.clawbackFen} size="sm" c={p.clawbackFen < 0 ? 'red.7' : undefined} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={p.netFen} size="sm" fw={700} data-testid="owed-net" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money
                      fen={p.awaitingDeliveryFen}
                      size="sm"
                      c="dimmed"
                      data-testid="owed-awaiting-delivery"
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={p.ledgerBalanceFen} size="sm" c="dimmed" />
                  </Table.Td>
                  <Table.Td ta="right">{p.lines.length}</Table.Td>
                  <Table.Td>
                    <ExpandToggle
                      expanded={expanded}
                      onToggle={() => setOpen(expanded ? null : p.providerId)}
                      label={t('settlement.showOrders')}
                      data-testid="owed-expand"
                    />
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td colSpan={9} bg="var(--mantine-color-gray-0)">
                      <Table>
                        <Table.Tbody>
                          {p.lines.map((l) => (
                            <Table.Tr
                              key={`${l.kind}-${l.orderId}`}
                              data-testid="owed-line"
                              data-kind={l.kind}
                              c={l.kind === 'awaiting_delivery' ? 'dimmed' : undefined}
                            >
                              <Table.Td>{l.paidAt ? <DateTime value={l.paidAt} size="xs" /> : '—'}</Table.Td>
                              <Table.Td>
                                <Text size="xs">{l.enterpriseName}</Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="xs">{l.offeringTitle}</Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="xs">{articleLabel(l.article)}</Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="xs" c={l.kind === 'clawback' ? 'red.7' : undefined}>
                                  {t(`settlement.kind.${l.kind}`)}
                                </Text>
                              </Table.Td>
                              <Table.Td ta="right">
                                <Group justify="flex-end">
                                  <Money fen={l.amountFen} size="xs" />
                                </Group>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
