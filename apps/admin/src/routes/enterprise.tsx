import { Alert, Badge, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime, Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Facts } from '../features/common/Facts';
import { PageHeader } from '../features/common/PageHeader';
import { DecisionHistory } from '../features/enterprises/DecisionHistory';
import { EligibilityPanel } from '../features/enterprises/EligibilityPanel';
import { useEnterpriseLabels } from '../features/enterprises/use-enterprise-labels';
import { VerificationActions } from '../features/enterprises/VerificationActions';
import { VerificationBadge } from '../features/enterprises/VerificationBadge';
import type { EnterpriseDetail } from '../lib/api-types';

const DECISION_COLORS = { verified: 'teal', rejected: 'red', revoked: 'gray' } as const;

function Profile({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <Card data-testid="enterprise-profile">
      <Stack>
        <Title order={3}>{t('enterprises.profile')}</Title>
        <Facts
          items={[
            {
              label: t('enterprises.fields.uscc'),
              value: (
                <Text ff="monospace" inherit>
                  {e.uscc}
                </Text>
              ),
              testId: 'enterprise-uscc',
            },
            { label: t('enterprises.fields.district'), value: labels.district(e.district) },
            { label: t('enterprises.fields.registeredInNanshan'), value: yesNo(e.registeredInNanshan) },
            {
              label: t('enterprises.fields.legalStatus'),
              value: t(`enterprises.legalStatus.${e.legalStatus}`),
            },
            { label: t('enterprises.fields.industry'), value: labels.industry(e.industry) },
            { label: t('enterprises.fields.employees'), value: e.employees.toLocaleString() },
            { label: t('enterprises.fields.revenue'), value: <Money fen={e.revenueFen} /> },
            { label: t('enterprises.fields.assets'), value: <Money fen={e.assetsFen} /> },
            { label: t('enterprises.fields.techSme'), value: yesNo(e.techSmeRegistered) },
            { label: t('enterprises.fields.activity'), value: t(`enterprises.activity.${e.aiActivity}`) },
            { label: t('enterprises.fields.createdAt'), value: <DateTime value={e.createdAt} inherit /> },
            {
              label: t('enterprises.fields.verifiedAt'),
              value: e.verification.verifiedAt ? <DateTime value={e.verification.verifiedAt} inherit /> : '—',
            },
          ]}
        />
      </Stack>
    </Card>
  );
}

function Members({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="enterprise-members">
      <Stack>
        <Title order={3}>{t('enterprises.members')}</Title>
        {e.members.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('enterprises.noMembers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('enterprises.memberColumns.name')}</Table.Th>
                  <Table.Th>{t('enterprises.memberColumns.email')}</Table.Th>
                  <Table.Th>{t('enterprises.memberColumns.role')}</Table.Th>
                  <Table.Th>{t('enterprises.memberColumns.joinedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.members.map((m) => (
                  <Table.Tr key={m.userId} data-testid="member-row">
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={m.role === 'owner' ? 'nanshan' : 'gray'} tt="none">
                        {t(`enterprises.memberRole.${m.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={m.joinedAt} size="sm" />
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

/** One enterprise: profile, members, eligibility per article with the rules' traces, decisions, and verification. */
export function EnterpriseRoute() {
  const { t } = useTranslation();
  const { enterpriseId = '' } = useParams();
  const [changed, setChanged] = useState(false);
  const detail = useQuery(trpc.admin.enterprises.get.queryOptions({ enterpriseId }));

  return (
    <QueryState query={detail} skeletonRows={10}>
      {(e) => (
        <Stack gap="lg">
          <PageHeader
            back={{ to: '/enterprises', label: t('enterprises.title') }}
            title={e.name}
            badge={<VerificationBadge status={e.verification.status} data-testid="enterprise-status" />}
            subtitle={e.uscc}
            actions={<VerificationActions enterprise={e} onProfileChanged={() => setChanged(true)} />}
          />
          {changed ? (
            <Alert
              color="yellow"
              withCloseButton
              onClose={() => setChanged(false)}
              data-testid="enterprise-changed"
              title={t('enterprises.changed.title')}
            >
              {t('enterprises.changed.body')}
            </Alert>
          ) : null}
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                <Profile e={e} />
                <Members e={e} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card h="100%">
                <Stack>
                  <Title order={3}>{t('enterprises.decisions')}</Title>
                  <DecisionHistory
                    empty={t('enterprises.noDecisions')}
                    entries={e.decisions.map((d) => ({
                      id: d.id,
                      decision: d.decision,
                      label: t(`enterprises.decision.${d.decision}`),
                      reason: d.reason,
                      actorName: d.actorName,
                      at: d.at,
                      color: DECISION_COLORS[d.decision],
                    }))}
                  />
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
          <EligibilityPanel eligibility={e.eligibility} />
        </Stack>
      )}
    </QueryState>
  );
}
