import { Anchor, Table, Text } from '@mantine/core';
import { DateTime, GrantStatusBadge, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantListItem } from '../../lib/api-types';

/** The enterprise's applications: article, project, amount asked, the rules' proposal, state and last change. */
export function ApplicationsTable({ applications }: { applications: GrantListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="grants-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.columns.article')}</Table.Th>
            <Table.Th>{t('grants.columns.project')}</Table.Th>
            <Table.Th ta="right">{t('grants.columns.requested')}</Table.Th>
            <Table.Th ta="right">{t('grants.columns.proposed')}</Table.Th>
            <Table.Th>{t('grants.columns.status')}</Table.Th>
            <Table.Th>{t('grants.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((a) => (
            <Table.Tr key={a.id} data-testid="grant-row" data-grant-id={a.id} data-status={a.status}>
              <Table.Td>
                <Text size="sm">{t(`grants.article.${a.article}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t('grants.detail.year', { year: a.year })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/grants/${a.id}`} size="sm" fw={600} data-testid="grant-link">
                  {a.projectName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={a.requestedFen} size="sm" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={a.proposedFen} size="sm" fw={600} />
              </Table.Td>
              <Table.Td>
                <GrantStatusBadge status={a.status} audience="applicant" data-testid="grant-row-status" />
              </Table.Td>
              <Table.Td>
                <DateTime value={a.updatedAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
