import { Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DocumentLink } from '../features/common/DocumentLink';
import { Facts } from '../features/common/Facts';
import { PageHeader } from '../features/common/PageHeader';
import { useOptionalText } from '../features/common/use-optional-text';
import { DecisionHistory } from '../features/enterprises/DecisionHistory';
import { FilingChecklist } from '../features/providers/FilingChecklist';
import { FilingPeriod } from '../features/providers/FilingPeriod';
import { ProviderActions } from '../features/providers/ProviderActions';
import { ProviderStatusBadge } from '../features/providers/ProviderStatusBadge';
import type { ProviderDetail } from '../lib/api-types';

const DECISION_COLORS: Record<string, string> = {
  approved: 'teal',
  filed: 'nanshan',
  suspended: 'orange',
  revoked: 'red',
  reinstated: 'teal',
};

function Profile({ p }: { p: ProviderDetail }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="provider-profile">
      <Stack>
        <Title order={3}>{t('providers.profile')}</Title>
        <Facts
          items={[
            {
              label: t('enterprises.fields.uscc'),
              value: (
                <Text ff="monospace" inherit>
                  {p.uscc}
                </Text>
              ),
            },
            { label: t('providers.columns.kind'), value: t(`providers.kind.${p.kind}`) },
            {
              label: t('providers.columns.city'),
              value: `${p.city}${p.inShenzhen ? '' : ` (${t('providers.outsideShenzhen')})`}`,
            },
            {
              label: t('providers.fields.contact'),
              value: [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ') || '—',
            },
            { label: t('providers.fields.address'), value: p.address || '—' },
            { label: t('providers.columns.period'), value: <FilingPeriod filing={p.filing} /> },
            {
              label: t('providers.fields.active'),
              value: p.active ? t('common.yes') : t('common.no'),
              testId: 'provider-active',
            },
            {
              label: t('providers.fields.offerings'),
              value: t('providers.offeringCounts', p.offerings),
              testId: 'provider-offerings',
            },
            { label: t('enterprises.fields.createdAt'), value: <DateTime value={p.createdAt} inherit /> },
          ]}
        />
        {p.description ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {p.description}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One provider: profile, the filing checklist item by item, documents, decisions, and the status transitions. */
export function ProviderRoute() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const optional = useOptionalText();
  const detail = useQuery(trpc.admin.providers.get.queryOptions({ providerId }));
  return (
    <QueryState query={detail} skeletonRows={10}>
      {(p) => (
        <Stack gap="lg">
          <PageHeader
            back={{ to: '/providers', label: t('providers.title') }}
            title={p.name}
            badge={<ProviderStatusBadge status={p.status} data-testid="provider-detail-status" />}
            subtitle={`${t(`providers.kind.${p.kind}`)} · ${p.uscc}`}
            actions={<ProviderActions provider={p} />}
          />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Profile p={p} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card h="100%">
                <Stack>
                  <Title order={3}>{t('enterprises.decisions')}</Title>
                  <DecisionHistory
                    empty={t('enterprises.noDecisions')}
                    entries={p.decisions.map((d) => ({
                      id: d.id,
                      decision: d.decision,
                      label: t(`providers.decision.${d.decision}`),
                      reason: d.reason,
                      actorName: d.actorName,
                      at: d.at,
                      color: DECISION_COLORS[d.decision] ?? 'gray',
                    }))}
                  />
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
          <FilingChecklist provider={p} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card h="100%" data-testid="provider-documents">
                <Stack>
                  <Title order={3}>{t('providers.documents')}</Title>
                  {p.documents.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('providers.noDocuments')}
                    </Text>
                  ) : (
                    <Table>
                      <Table.Tbody>
                        {p.documents.map((d) => (
                          <Table.Tr key={d.id}>
                            <Table.Td>
                              <Text size="sm">{optional(`documentKind.${d.kind}`) ?? d.kind}</Text>
                            </Table.Td>
                            <Table.Td>
                              <DocumentLink doc={d} testId="provider-document" />
                            </Table.Td>
                            <Table.Td>
                              <DateTime value={d.createdAt} size="xs" c="dimmed" />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Stack>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card h="100%">
                <Stack>
                  <Title order={3}>{t('providers.members')}</Title>
                  {p.members.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('enterprises.noMembers')}
                    </Text>
                  ) : (
                    p.members.map((m) => (
                      <Group key={m.userId} justify="space-between">
                        <Text size="sm">{m.name}</Text>
                        <Text size="sm" c="dimmed">
                          {m.email}
                        </Text>
                      </Group>
                    ))
                  )}
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
