import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Money } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantDetail } from '../../lib/api-types';
import { DocumentLink } from '../common/DocumentLink';
import { Facts } from '../common/Facts';
import { useOptionalText } from '../common/use-optional-text';
import { ProviderStatusBadge } from '../providers/ProviderStatusBadge';

/** A provider named in the facts, by name and status (the facts hold its id), linking to its page. */
function ProviderName({ providerId }: { providerId: string }) {
  const provider = useQuery(trpc.admin.providers.get.queryOptions({ providerId }, { staleTime: 300_000 }));
  return (
    <Group gap={4} wrap="wrap">
      <Text
        component={Link}
        to={`/providers/${providerId}`}
        size="sm"
        c="nanshan.7"
        data-testid="grant-fact-provider"
      >
        {provider.data?.name ?? providerId}
      </Text>
      {provider.data ? (
        <ProviderStatusBadge status={provider.data.status} data-testid="grant-fact-provider-status" />
      ) : null}
    </Group>
  );
}

function FactValue({ name, value }: { name: string; value: unknown }) {
  const { t } = useTranslation();
  const optional = useOptionalText();
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'number' && name.endsWith('Fen')) return <Money fen={value} fw={600} />;
  if (Array.isArray(value)) return <>{value.map(String).join('，')}</>;
  if (typeof value === 'string') {
    if (name === 'providerId' || name === 'vendorId') return <ProviderName providerId={value} />;
    return <>{optional(`grants.factValue.${value}`) ?? value}</>;
  }
  return <>{String(value)}</>;
}

/** What the applicant stated (the article's facts, the project, other measures' awards) and the evidence files. */
export function GrantFacts({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const optional = useOptionalText();
  const facts = Object.entries(grant.facts).filter(([k]) => k !== 'article');
  return (
    <Card data-testid="grant-facts">
      <Stack>
        <Title order={3}>{t('grants.facts.title')}</Title>
        <Facts
          items={[
            { label: t('grants.facts.projectReference'), value: grant.projectReference || '—' },
            { label: t('grants.facts.year'), value: grant.year },
            {
              label: t('grants.facts.requested'),
              value: <Money fen={grant.requestedFen} fw={600} />,
              testId: 'grant-requested',
            },
            ...facts.map(([name, value]) => ({
              label: optional(`grants.fact.${name}`) ?? name,
              value: <FactValue name={name} value={value} />,
            })),
          ]}
        />
        <Text size="xs" c="dimmed">
          {t('grants.facts.projectKey')}{' '}
          <Text span ff="monospace" inherit>
            {grant.projectKey}
          </Text>
        </Text>
        {grant.otherMeasureAwards.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('grants.facts.otherMeasures')}
            </Text>
            <Table fz="sm" withTableBorder>
              <Table.Tbody>
                {grant.otherMeasureAwards.map((a) => (
                  <Table.Tr key={`${a.measure}-${a.amountFen}`} data-testid="grant-other-measure">
                    <Table.Td>{a.measure}</Table.Td>
                    <Table.Td>{t(`grants.facts.otherStatus.${a.status}`)}</Table.Td>
                    <Table.Td ta="right">
                      <Money fen={a.amountFen} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
        <Stack gap={4} data-testid="grant-documents">
          <Text size="sm" fw={600}>
            {t('grants.facts.evidence')}
          </Text>
          {grant.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('providers.noDocuments')}
            </Text>
          ) : (
            grant.documents.map((d) => (
              <Stack key={d.id} gap={0}>
                <Text size="xs" c="dimmed">
                  {optional(`documentKind.${d.kind}`) ?? d.kind}
                </Text>
                <DocumentLink doc={d} testId="grant-document" />
              </Stack>
            ))
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
