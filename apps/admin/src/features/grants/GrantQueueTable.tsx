import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { DateTime, GrantStatusBadge, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantQueueItem } from '../../lib/api-types';
import { useArticleLabel } from '../common/use-article-label';

/** The review queue, longest waiting first. */
export function GrantQueueTable({ items }: { items: GrantQueueItem[] }) {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped data-testid="grants-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.columns.submitted')}</Table.Th>
            <Table.Th>{t('grants.columns.project')}</Table.Th>
            <Table.Th>{t('grants.columns.enterprise')}</Table.Th>
            <Table.Th>{t('grants.columns.article')}</Table.Th>
            <Table.Th>{t('grants.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('grants.columns.requested')}</Table.Th>
            <Table.Th ta="right">{t('grants.columns.proposed')}</Table.Th>
            <Table.Th ta="right">{t('grants.columns.decided')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g) => (
            <Table.Tr key={g.id} data-testid="grant-row" data-grant-id={g.id} data-status={g.status}>
              <Table.Td>
                <DateTime value={g.createdAt} size="sm" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/grants/${g.id}`} fw={600} size="sm" data-testid="grant-link">
                  {g.projectName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('grants.yearOf', { year: g.year })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{g.enterpriseName}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {g.uscc}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{articleLabel(g.article)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <GrantStatusBadge status={g.status} audience="staff" data-testid="grant-row-status" />
                  {g.openObjections > 0 ? (
                    <Badge size="xs" color="red" variant="light" tt="none">
                      {t('grants.openObjections', { count: g.openObjections })}
                    </Badge>
                  ) : null}
                  {g.approvals > 0 && g.status === 'public_notice' ? (
                    <Badge
                      size="xs"
                      color="grape"
                      variant="light"
                      tt="none"
                      data-testid="grant-row-approvals"
                    >
                      {t('grants.approvalsSoFar', { count: g.approvals })}
                    </Badge>
                  ) : null}
                </Group>
                {g.status === 'public_notice' && g.noticeEndsOn ? (
                  <Text size="xs" c="dimmed">
                    {t('grants.noticeEnds', { date: g.noticeEndsOn })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={g.requestedFen} size="sm" />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={g.proposedFen} size="sm" fw={600} />
              </Table.Td>
              <Table.Td ta="right">
                {g.decidedFen === null ? '—' : <Money fen={g.decidedFen} size="sm" c="teal.8" />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
