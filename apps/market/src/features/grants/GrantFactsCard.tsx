import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { downloadBase64File, formatFen, useLanguage } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GrantApplication } from '../../lib/api-types';
import { fileSizeText } from '../documents/file-rules';
import type { EvidenceKind } from './evidence-kinds';
import { type FactField, type FactValues, factFields } from './facts-fields';

/** What the applicant stated, as it was stored, and the evidence files (downloadable). */
export function GrantFactsCard({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stored = grant.facts as FactValues & Record<string, unknown>;
  const download = useMutation({
    mutationFn: (documentId: string) =>
      queryClient.fetchQuery({ ...trpc.documents.get.queryOptions({ documentId }), staleTime: 0 }),
    onSuccess: (file) => downloadBase64File(file),
  });

  function shown(field: FactField): string {
    const value = stored[field.name];
    switch (field.type) {
      case 'money':
        return formatFen(Number(value), language);
      case 'boolean':
        return value ? '✓' : '✗';
      case 'list':
        return Array.isArray(value) ? value.join(', ') : '';
      case 'choice':
        return t(`grants.factOptions.${field.name}.${value}` as 'grants.factOptions.kind.ip_pledge', {
          defaultValue: String(value),
        });
      default:
        return String(value ?? '');
    }
  }

  return (
    <Card data-testid="grant-facts">
      <Stack gap="sm">
        <Title order={4}>{t('grants.detail.facts')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {grant.projectReference ? (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('grants.detail.reference')}
              </Text>
              <Text size="sm">{grant.projectReference}</Text>
            </Stack>
          ) : null}
          {factFields(grant.article, stored).map((f) => (
            <Stack key={f.name} gap={0} data-testid={`grant-fact-value-${f.name}`}>
              <Text size="xs" c="dimmed">
                {t(`grants.facts.${f.name}`)}
              </Text>
              <Text size="sm">{shown(f)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {grant.otherMeasureAwards.length > 0 ? (
          <Stack gap={2} data-testid="grant-other-awards-declared">
            <Text fw={600} size="sm">
              {t('grants.form.sections.otherAwards')}
            </Text>
            {grant.otherMeasureAwards.map((a) => (
              <Text key={`${a.measure}-${a.status}-${a.amountFen}`} size="sm">
                {a.measure} · {formatFen(a.amountFen, language)} ·{' '}
                {t(`grants.form.otherAward.statuses.${a.status}`)}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Text fw={600} size="sm">
          {t('grants.detail.documents')}
        </Text>
        {grant.documents.map((d) => (
          <Group key={d.id} gap="xs" data-testid="grant-document">
            <Anchor component="button" type="button" size="sm" onClick={() => download.mutate(d.id)}>
              {d.filename}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`grants.evidence.kinds.${d.kind as EvidenceKind}`)} · {fileSizeText(d.sizeBytes)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
