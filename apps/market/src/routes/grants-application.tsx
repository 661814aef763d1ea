import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import {
  DateTime,
  GrantStatusBadge,
  GrantStepper,
  GrantTimeline,
  isOpenGrant,
  QueryState,
  useGrantStatusLabel,
} from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GrantAmounts } from '../features/grants/GrantAmounts';
import { GrantFactsCard } from '../features/grants/GrantFactsCard';
import { RespondCard } from '../features/grants/RespondCard';
import { WithdrawButton } from '../features/grants/WithdrawButton';
import type { GrantApplication } from '../lib/api-types';

function Objections({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  if (grant.objections.length === 0) return null;
  return (
    <Card data-testid="grant-objections">
      <Stack gap="xs">
        <Title order={4}>{t('grants.detail.objections')}</Title>
        {grant.objections.map((o) => (
          <Stack key={o.id} gap={2} data-testid="grant-objection">
            <Group gap="xs">
              <DateTime value={o.at} size="xs" c="dimmed" />
              <Badge size="sm" variant="light" color={o.resolution ? 'gray' : 'orange'} tt="none">
                {o.resolution
                  ? t(`grants.detail.objectionOutcome.${o.resolution.outcome}`)
                  : t('grants.detail.objectionOpen')}
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {o.text}
            </Text>
            {o.resolution?.note ? (
              <Text size="xs" c="dimmed">
                {o.resolution.note}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** One application: where it is, every step with its reason, the amounts and trace, and what the applicant may do. */
export function GrantApplicationRoute() {
  const { t } = useTranslation();
  const statusLabel = useGrantStatusLabel('applicant');
  const { applicationId = '' } = useParams();
  const grant = useQuery(trpc.grants.get.queryOptions({ applicationId }));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/grants" size="sm">
        ← {t('grants.back')}
      </Anchor>
      <QueryState query={grant} skeletonRows={8}>
        {(g) => (
          <Stack gap="lg" data-testid="grant-application" data-grant-id={g.id}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={2} data-testid="grant-project-name">
                  {g.projectName}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`grants.article.${g.article}`)} · {t('grants.detail.year', { year: g.year })}
                </Text>
              </Stack>
              <Group gap="sm">
                <GrantStatusBadge status={g.status} audience="applicant" size="lg" />
                {isOpenGrant(g.status) ? <WithdrawButton grant={g} /> : null}
              </Group>
            </Group>
            <Card>
              <Stack gap="sm">
                <Title order={4}>{t('grants.detail.steps')}</Title>
                <GrantStepper
                  status={g.status}
                  events={g.events}
                  noticeEndsOn={g.noticeEndsOn}
                  statusLabel={statusLabel}
                  noticeEndsLabel={(date) => t('grants.detail.noticeEnds', { date })}
                />
              </Stack>
            </Card>
            {g.status === 'rejected' || g.status === 'withdrawn' ? (
              <Alert color={g.status === 'rejected' ? 'red' : 'gray'} data-testid="grant-closed">
                {t(`grants.detail.${g.status}`)}
              </Alert>
            ) : null}
            {g.status === 'revoked' ? (
              <Alert color="red" title={t('grants.detail.revoked')} data-testid="grant-revoked">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="grant-revoked-reason">
                  {g.events.filter((e) => e.kind === 'revoked').at(-1)?.note}
                </Text>
              </Alert>
            ) : null}
            {g.status === 'info_requested' ? <RespondCard grant={g} /> : null}
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack>
                  <GrantAmounts grant={g} />
                  <GrantFactsCard grant={g} />
                  <Objections grant={g} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Card>
                  <Stack gap="sm">
                    <Title order={4}>{t('grants.detail.history')}</Title>
                    <GrantTimeline
                      events={g.events}
                      title={(kind, e) =>
                        kind === 'advanced'
                          ? t('grants.event.advanced', { step: statusLabel(e.toStatus) })
                          : t(`grants.event.${kind}`)
                      }
                      actor={(e) => t(`grants.actor.${e.actor}`)}
                    />
                  </Stack>
                </Card>
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
