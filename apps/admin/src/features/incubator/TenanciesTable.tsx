import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { TenancyListItem } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { centiM2Text } from './measures';

function StateBadge({ tenancy }: { tenancy: TenancyListItem }) {
  const { t } = useTranslation();
  if (tenancy.runsToday) return <Badge color="teal">{t('incubator.tenancies.runsToday')}</Badge>;
  return tenancy.startDate > shenzhenToday() ? (
    <Badge color="blue" variant="light">
      {t('incubator.tenancies.notStarted')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('incubator.tenancies.ended')}
    </Badge>
  );
}

/** Leases with their terms; each can be corrected, and a running one ended. */
export function TenanciesTable({
  items,
  onEdit,
  onEnd,
}: {
  items: TenancyListItem[];
  onEdit: (t: TenancyListItem) => void;
  onEnd: (t: TenancyListItem) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="tenancies-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incubator.tenancies.enterprise')}</Table.Th>
            <Table.Th>{t('incubator.tenancies.space')}</Table.Th>
            <Table.Th>{t('incubator.tenancies.unit')}</Table.Th>
            <Table.Th ta="right">{t('incubator.tenancies.area')}</Table.Th>
            <Table.Th ta="right">{t('incubator.tenancies.rent')}</Table.Th>
            <Table.Th>{t('incubator.tenancies.period')}</Table.Th>
            <Table.Th />
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={row.id} data-testid="tenancy-row" data-tenancy-id={row.id} data-unit={row.unit}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.enterprise.name}
                </Text>
                <Group gap={4}>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.enterprise.uscc}
                  </Text>
                  {row.enterprise.verified ? null : (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('incubator.tenancies.unverified')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.spaceName}</Text>
              </Table.Td>
              <Table.Td>{row.unit}</Table.Td>
              <Table.Td ta="right">{centiM2Text(row.areaCentiM2)}</Table.Td>
              <Table.Td ta="right">
                <Money fen={row.baseMonthlyRentFen} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="tenancy-period">
                  {row.startDate} – {row.endDate ?? t('incubator.tenancies.openEnded')}
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge tenancy={row} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => onEdit(row)} data-testid="tenancy-edit">
                    {t('incubator.tenancies.edit')}
                  </Button>
                  {row.endDate === null ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onEnd(row)}
                      data-testid="tenancy-end-open"
                    >
                      {t('incubator.tenancies.end')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
