import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProviderListItem } from '../../lib/api-types';
import { FilingPeriod } from './FilingPeriod';
import { ProviderStatusBadge } from './ProviderStatusBadge';

const CHECKLIST_ITEMS = 7;

export function ProvidersTable({ items }: { items: ProviderListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped data-testid="providers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('providers.columns.name')}</Table.Th>
            <Table.Th>{t('providers.columns.kind')}</Table.Th>
            <Table.Th>{t('providers.columns.city')}</Table.Th>
            <Table.Th>{t('providers.columns.status')}</Table.Th>
            <Table.Th>{t('providers.columns.period')}</Table.Th>
            <Table.Th>{t('providers.columns.checklist')}</Table.Th>
            <Table.Th>{t('providers.columns.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="provider-row" data-provider-id={p.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/providers/${p.id}`}
                  fw={600}
                  size="sm"
                  data-testid="provider-link"
                >
                  {p.name}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.uscc}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`providers.kind.${p.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.city}</Text>
                {!p.inShenzhen ? (
                  <Text size="xs" c="orange.8">
                    {t('providers.outsideShenzhen')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <ProviderStatusBadge status={p.status} />
                  {p.active ? (
                    <Tooltip label={t('providers.activeHint')}>
                      <Badge size="xs" color="teal" variant="dot" tt="none">
                        {t('providers.active')}
                      </Badge>
                    </Tooltip>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <FilingPeriod filing={p.filing} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="provider-checklist-count" data-accepted={p.checklist.accepted}>
                  {t('providers.checklistCount', { accepted: p.checklist.accepted, total: CHECKLIST_ITEMS })}
                </Text>
                {p.checklist.submitted > 0 || p.checklist.rejected > 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('providers.checklistPending', {
                      submitted: p.checklist.submitted,
                      rejected: p.checklist.rejected,
                    })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <DateTime value={p.createdAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
