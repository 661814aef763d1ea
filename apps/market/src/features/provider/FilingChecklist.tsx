import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProviderProfile } from '../../lib/api-types';
import { FilingItemCard } from './FilingItemCard';

/** The Art. 9 filing checklist, item by item, with how many items staff accepted so far. */
export function FilingChecklist({ provider }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  const total = provider.checklist.length;
  const accepted = provider.checklist.filter((i) => i.status === 'accepted').length;
  const readOnly = provider.status === 'revoked';
  return (
    <Card data-testid="filing-checklist">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>{t('filing.title')}</Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t('filing.subtitle')}
            </Text>
          </div>
          <Stack gap={4} miw={180}>
            <Text
              size="sm"
              ta="right"
              data-testid="filing-progress"
              data-accepted={accepted}
              data-total={total}
            >
              {t('filing.progress', { accepted, total })}
            </Text>
            <Progress value={total ? (accepted / total) * 100 : 0} color="teal" />
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {provider.checklist.map((entry) => (
            // Keyed by what was submitted, so a server-side change (review, resubmission) resets the card's draft.
            <FilingItemCard
              key={`${entry.item}:${entry.status}:${entry.document?.id ?? ''}:${entry.statement}`}
              entry={entry}
              readOnly={readOnly}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
