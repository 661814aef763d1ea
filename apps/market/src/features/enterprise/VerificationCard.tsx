import { Alert, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { EnterpriseProfile } from '../../lib/api-types';
import { VerificationBadge } from './VerificationBadge';

const NOTE_COLOR = { verified: 'teal', pending: 'yellow', rejected: 'red', revoked: 'orange' } as const;

/** Where verification stands and every staff decision with its reason (staff write the reason for the applicant). */
export function VerificationCard({ profile }: { profile: EnterpriseProfile }) {
  const { t } = useTranslation();
  const { status, verifiedAt } = profile.verification;
  return (
    <Card data-testid="verification-card">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('enterprise.profile.verification')}</Title>
          <VerificationBadge status={status} size="lg" />
        </Group>
        <Alert color={NOTE_COLOR[status]} variant="light" data-testid="verification-note">
          <Text size="sm">{t(`enterprise.verificationNote.${status}`)}</Text>
          {verifiedAt ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('enterprise.profile.verifiedAt')} <DateTime value={verifiedAt} size="xs" />
            </Text>
          ) : null}
        </Alert>
        <Text fw={600} size="sm">
          {t('enterprise.profile.decisions')}
        </Text>
        {profile.decisions.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="verification-no-decisions">
            {t('enterprise.profile.noDecisions')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={-1} data-testid="verification-decisions">
            {profile.decisions.map((d) => (
              <Timeline.Item
                key={d.id}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {t(`enterprise.decision.${d.decision}`)}
                    </Text>
                    <DateTime value={d.at} size="xs" c="dimmed" />
                  </Group>
                }
                color={d.decision === 'verified' ? 'teal' : 'red'}
                data-testid="verification-decision"
                data-decision={d.decision}
              >
                <Text
                  size="sm"
                  mt={4}
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid="verification-decision-reason"
                >
                  {d.reason}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Card>
  );
}
