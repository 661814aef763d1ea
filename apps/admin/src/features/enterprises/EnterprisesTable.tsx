import { Anchor, Table, Text } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseListItem } from '../../lib/api-types';
import { useEnterpriseLabels } from './use-enterprise-labels';
import { VerificationBadge } from './VerificationBadge';

export function EnterprisesTable({ items }: { items: EnterpriseListItem[] }) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="enterprises-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('enterprises.columns.name')}</Table.Th>
            <Table.Th>{t('enterprises.columns.district')}</Table.Th>
            <Table.Th>{t('enterprises.columns.industry')}</Table.Th>
            <Table.Th ta="right">{t('enterprises.columns.employees')}</Table.Th>
            <Table.Th>{t('enterprises.columns.activity')}</Table.Th>
            <Table.Th>{t('enterprises.columns.verification')}</Table.Th>
            <Table.Th>{t('enterprises.columns.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="enterprise-row" data-enterprise-id={e.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/enterprises/${e.id}`}
                  fw={600}
                  size="sm"
                  data-testid="enterprise-link"
                >
                  {e.name}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {e.uscc}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.district(e.district)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.industry(e.industry)}</Text>
              </Table.Td>
              <Table.Td ta="right">{e.employees.toLocaleString()}</Table.Td>
              <Table.Td>
                <Text size="sm">{t(`enterprises.activity.${e.aiActivity}`)}</Text>
              </Table.Td>
              <Table.Td>
                <VerificationBadge status={e.verification.status} />
              </Table.Td>
              <Table.Td>
                <DateTime value={e.createdAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
