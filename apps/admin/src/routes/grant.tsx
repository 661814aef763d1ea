import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { DateTime, GrantStatusBadge, Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../features/common/PageHeader';
import { useArticleLabel } from '../features/common/use-article-label';
import { ApprovalsPanel } from '../features/grants/ApprovalsPanel';
import { DuplicatesCard } from '../features/grants/DuplicatesCard';
import { GrantActions } from '../features/grants/GrantActions';
import { GrantFacts } from '../features/grants/GrantFacts';
import { GrantHistory } from '../features/grants/GrantHistory';
import { GrantStepper } from '../features/grants/GrantStepper';
import { ObjectionsCard } from '../features/grants/ObjectionsCard';
import { ProposalCard } from '../features/grants/ProposalCard';

/**
 * One application for review: the workflow stepper, what the applicant stated and the evidence, the rules' proposed
 * maximum with its trace, duplicates and Art. 15 exclusions, objections, approvals, history, and the actions the
 * current step allows.
 */
export function GrantRoute() {
  const { t } = useTranslation();
  const articleLabel = useArticleLabel();
  const { grantId = '' } = useParams();
  const [changed, setChanged] = useState(false);
  const grant = useQuery(trpc.admin.grants.get.queryOptions({ applicationId: grantId }));

  return (
    <QueryState query={grant} skeletonRows={12}>
      {(g) => (
        <Stack gap="lg">
          <PageHeader
            back={{ to: '/grants', label: t('grants.title') }}
            title={g.projectName}
            badge={<GrantStatusBadge status={g.status} audience="staff" />}
            subtitle={
              <Group gap="xs" wrap="wrap">
                <Badge variant="outline" tt="none" data-testid="grant-article" data-article={g.article}>
                  {articleLabel(g.article)}
                </Badge>
                <Anchor
                  component={Link}
                  to={`/enterprises/${g.enterprise.id}`}
                  size="sm"
                  data-testid="grant-enterprise"
                >
                  {g.enterprise.name}
                </Anchor>
                <Text size="sm" c="dimmed" ff="monospace">
                  {g.enterprise.uscc}
                </Text>
                {!g.enterprise.verified ? (
                  <Badge color="yellow" variant="light" tt="none">
                    {t('enterprises.verification.pending')}
                  </Badge>
                ) : null}
                <Text size="sm" c="dimmed">
                  · {t('grants.submittedAt')} <DateTime value={g.createdAt} span inherit />
                </Text>
              </Group>
            }
          />
          {changed ? (
            <Alert
              color="yellow"
              withCloseButton
              onClose={() => setChanged(false)}
              data-testid="grant-changed"
            >
              {t('grants.changedBody')}
            </Alert>
          ) : null}
          <Card>
            <GrantStepper grant={g} />
          </Card>
          {g.infoRequest ? (
            <Alert color="orange" title={t('grants.infoRequested')} data-testid="grant-info-request">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {g.infoRequest.note}
              </Text>
              <Text size="xs" c="dimmed">
                <DateTime value={g.infoRequest.at} span inherit />
              </Text>
            </Alert>
          ) : null}
          {g.status === 'decided' || g.status === 'paid' ? (
            <Alert color="teal" variant="light" data-testid="grant-decision">
              {t('grants.decidedAmount')}{' '}
              <Money fen={g.decidedFen ?? 0} fw={700} data-testid="grant-decided" />
              {g.payout ? (
                <Text size="sm" data-testid="grant-payout">
                  {t('grants.paidWith', { reference: g.payout.reference })} ·{' '}
                  <DateTime value={g.payout.paidAt} span inherit />
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <Card>
            <Stack gap="sm">
              <Title order={4}>{t('grants.actionsTitle')}</Title>
              <ApprovalsPanel grant={g} />
              <GrantActions grant={g} onChanged={() => setChanged(true)} />
            </Stack>
          </Card>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="lg">
                <ProposalCard grant={g} />
                <DuplicatesCard grant={g} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="lg">
                <GrantFacts grant={g} />
                <ObjectionsCard grant={g} />
                <Card>
                  <Stack>
                    <Title order={3}>{t('grants.history')}</Title>
                    <GrantHistory grant={g} />
                  </Stack>
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
