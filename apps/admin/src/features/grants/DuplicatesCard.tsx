import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { GrantStatusBadge, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantDetail } from '../../lib/api-types';
import { useArticleLabel } from '../common/use-article-label';

/**
 * Art. 15 and "the same contract or invoice is funded once": other applications with the same project key, citing
 * a file with the same content, or (Art. 6) naming the same invoice numbers.
 */
export function DuplicatesCard({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  return (
    <Card data-testid="grant-duplicates">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('grants.duplicates.title')}</Title>
          <Badge
            color={grant.duplicates.length > 0 ? 'red' : 'teal'}
            variant="light"
            tt="none"
            data-testid="grant-duplicate-count"
          >
            {t('grants.duplicates.count', { count: grant.duplicates.length })}
          </Badge>
        </Group>
        {grant.duplicates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('grants.duplicates.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table fz="sm">
              <Table.Tbody>
                {grant.duplicates.map((d) => (
                  <Table.Tr
                    key={d.id}
                    data-testid="grant-duplicate"
                    data-grant-id={d.id}
                    data-matches={d.matches.join(' ')}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/grants/${d.id}`} size="sm" fw={600}>
                        {d.projectName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {articleLabel(d.article)} · {d.year}
                        {d.enterpriseId !== grant.enterprise.id
                          ? ` · ${t('grants.duplicates.otherEnterprise')}`
                          : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <GrantStatusBadge
                        status={d.status}
                        audience="staff"
                        data-testid="grant-duplicate-status"
                      />
                    </Table.Td>
                    <Table.Td>
                      {d.matches.map((m) => (
                        <Badge key={m} size="xs" variant="outline" color="red" tt="none" mr={4}>
                          {t(`grants.duplicates.match.${m}`)}
                        </Badge>
                      ))}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money fen={d.decidedFen ?? d.proposedFen} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
