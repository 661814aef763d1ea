import { Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilingChecklist } from '../features/provider/FilingChecklist';
import { ProviderStatusBadge } from '../features/provider/ProviderStatusBadge';
import { ProviderStatusCard } from '../features/provider/ProviderStatusCard';
import { RequireProvider } from '../features/provider/RequireProvider';
import type { ProviderProfile } from '../lib/api-types';

/** The provider's registration: status and validity, staff decisions, registered details and the filing checklist. */
export function ProviderProfileRoute() {
  return <RequireProvider>{(p) => <ProviderProfileView provider={p} />}</RequireProvider>;
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function ProviderProfileView({ provider: p }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm">
          <Title order={2} data-testid="provider-name">
            {p.name}
          </Title>
          <ProviderStatusBadge status={p.status} data-testid="provider-status-badge" />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`provider.kind.${p.kind}`)} ·{' '}
          <Text span ff="monospace" size="sm">
            {p.uscc}
          </Text>
        </Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ProviderStatusCard provider={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card h="100%" data-testid="provider-facts">
            <Stack>
              <Title order={3}>{t('provider.facts')}</Title>
              <SimpleGrid cols={2} spacing="md">
                <Fact label={t('provider.fields.city')}>
                  {p.city}
                  {p.inShenzhen ? '' : ` (${t('provider.fields.outsideShenzhen')})`}
                </Fact>
                <Fact label={t('provider.fields.address')}>{p.address || '—'}</Fact>
                <Fact label={t('provider.fields.contactName')}>{p.contactName || '—'}</Fact>
                <Fact label={t('provider.fields.contactPhone')}>{p.contactPhone || '—'}</Fact>
                <Fact label={t('provider.fields.contactEmail')}>{p.contactEmail || '—'}</Fact>
                <Fact label={t('provider.createdAt')}>
                  <DateTime value={p.createdAt} size="sm" />
                </Fact>
              </SimpleGrid>
              {p.description ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {p.description}
                </Text>
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <FilingChecklist provider={p} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
