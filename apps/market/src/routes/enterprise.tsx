import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { EligibilityCard } from '../features/enterprise/EligibilityCard';
import { MembersCard } from '../features/enterprise/MembersCard';
import { ProfileFacts } from '../features/enterprise/ProfileFacts';
import { VerificationBadge } from '../features/enterprise/VerificationBadge';
import { VerificationCard } from '../features/enterprise/VerificationCard';
import { useMe } from '../features/session/use-me';

/** The enterprise profile: verification and staff decisions, eligibility per article, facts, members. */
export function EnterpriseRoute() {
  const me = useMe();
  const profile = useQuery(trpc.enterprises.mine.queryOptions());
  const options = useQuery(
    trpc.enterprises.options.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  return (
    <QueryState query={profile} skeletonRows={10}>
      {(p) =>
        p === null ? (
          <Navigate to="/enterprise/register" replace />
        ) : (
          <Stack gap="lg">
            <div>
              <Group gap="sm">
                <Title order={2} data-testid="profile-name">
                  {p.name}
                </Title>
                <VerificationBadge status={p.verification.status} data-testid="profile-verification-badge" />
              </Group>
              <Text ff="monospace" size="sm" c="dimmed" data-testid="profile-uscc">
                {p.uscc}
              </Text>
            </div>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ProfileFacts profile={p} options={options.data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <VerificationCard profile={p} />
              </Grid.Col>
              <Grid.Col span={12}>
                <EligibilityCard />
              </Grid.Col>
              <Grid.Col span={12}>
                <MembersCard isOwner={p.myRole === 'owner'} myUserId={me.data?.user.id ?? ''} />
              </Grid.Col>
            </Grid>
          </Stack>
        )
      }
    </QueryState>
  );
}
