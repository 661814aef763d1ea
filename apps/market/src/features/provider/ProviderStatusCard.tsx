import { Alert, Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { ProviderProfile } from '../../lib/api-types';
import { ProviderStatusBadge } from './ProviderStatusBadge';

const NOTE_COLOR = {
  pending: 'yellow',
  approved: 'teal',
  filed: 'teal',
  suspended: 'orange',
  revoked: 'red',
} as const;

/** Status with the district, the registration / 备案 validity period, and every staff decision with its reason. */
export function ProviderStatusCard({ provider }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  const { filing } = provider;
  return (
    <Card data-testid="provider-status-card">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('provider.profileTitle')}</Title>
          <ProviderStatusBadge status={provider.status} size="lg" />
        </Group>
        <Alert color={NOTE_COLOR[provider.status]} variant="light" data-testid="provider-status-note">
          <Text size="sm">{t(`provider.statusNote.${provider.status}`)}</Text>
        </Alert>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" c="dimmed">
            {t('provider.validity')}
          </Text>
          <Group gap="xs">
            <Text size="sm" data-testid="provider-validity">
              {filing.validFrom || filing.validTo
                ? `${filing.validFrom ?? '…'} ~ ${filing.validTo ?? '…'}`
                : t('provider.noValidity')}
            </Text>
            {filing.validFrom || filing.validTo ? (
              <Badge
                size="sm"
                variant="outline"
                color={filing.period === 'in_force' ? 'teal' : 'orange'}
                tt="none"
                data-testid="provider-validity-period"
                data-period={filing.period}
              >
                {t(`provider.period.${filing.period}`)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {filing.period !== 'in_force' ? (
          <Text size="sm" c="orange.8">
            {t(`provider.periodNote.${filing.period}`)}
          </Text>
        ) : null}
        <Text
          size="sm"
          c={provider.active ? 'teal.8' : 'dimmed'}
          data-testid="provider-active"
          data-active={provider.active}
        >
          {provider.active ? `✓ ${t('provider.active')}` : t('provider.inactive')}
        </Text>
        <Text fw={600} size="sm">
          {t('provider.decisions')}
        </Text>
        {provider.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('provider.noDecisions')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={-1} data-testid="provider-decisions">
            {provider.decisions.map((d) => (
              <Timeline.Item
                key={d.id}
                color={d.decision === 'suspended' || d.decision === 'revoked' ? 'red' : 'teal'}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {t(`provider.decision.${d.decision}`)}
                    </Text>
                    <DateTime value={d.at} size="xs" c="dimmed" />
                  </Group>
                }
                data-testid="provider-decision"
                data-decision={d.decision}
              >
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
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
