import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateTime, StateBadge } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingItem, ProviderDetail } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';
import { DocumentLink } from '../common/DocumentLink';
import { FILING_STATUS_COLORS } from './labels';

type Review = { item: FilingItem; decision: 'accepted' | 'rejected' };

/**
 * The Art. 9 filing checklist (DOMAIN-NOTES), item by item: what the provider states, its document, the staff
 * review. Accepting may carry a note; rejecting needs one (the provider sees it and resubmits).
 */
export function FilingChecklist({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [review, setReview] = useState<Review | null>(null);
  const reviewItem = useMutation(trpc.admin.providers.reviewItem.mutationOptions());
  const accepted = provider.checklist.filter((i) => i.status === 'accepted').length;

  async function confirm(note: string) {
    if (!review) return;
    await reviewItem.mutateAsync({
      providerId: provider.id,
      item: review.item.item,
      decision: review.decision,
      note,
    });
    notifications.show({
      color: 'teal',
      message: t(
        review.decision === 'accepted' ? 'providers.checklist.accepted' : 'providers.checklist.rejected',
        {
          item: t(`providers.item.${review.item.item}.title`),
        },
      ),
    });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.providers.pathKey() });
  }

  return (
    <Card data-testid="filing-checklist">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{t('providers.checklist.title')}</Title>
          <Text
            size="sm"
            c={accepted === provider.checklist.length ? 'teal.8' : 'dimmed'}
            data-testid="filing-progress"
          >
            {t('providers.checklistCount', { accepted, total: provider.checklist.length })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {provider.kind === 'cloud_vendor'
            ? t('providers.checklist.vendorNote')
            : t('providers.checklist.centreNote')}
        </Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">{t('providers.checklist.item')}</Table.Th>
                <Table.Th>{t('providers.checklist.statement')}</Table.Th>
                <Table.Th>{t('providers.checklist.review')}</Table.Th>
                <Table.Th w={170} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {provider.checklist.map((i) => (
                <Table.Tr key={i.item} data-testid="filing-item" data-item={i.item} data-status={i.status}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`providers.item.${i.item}.title`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`providers.item.${i.item}.criterion`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.statement ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {i.statement}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('providers.checklist.noStatement')}
                      </Text>
                    )}
                    {i.document ? (
                      <DocumentLink doc={i.document} testId={`filing-item-${i.item}-document`} />
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge
                      status={i.status}
                      color={FILING_STATUS_COLORS[i.status]}
                      size="sm"
                      data-testid={`filing-item-${i.item}-status`}
                    >
                      {t(`providers.filingStatus.${i.status}`)}
                    </StateBadge>
                    {i.reviewNote ? (
                      <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {i.reviewNote}
                      </Text>
                    ) : null}
                    {i.reviewedAt ? (
                      <Text size="xs" c="dimmed">
                        {i.reviewerName} · <DateTime value={i.reviewedAt} span inherit />
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        size="compact-sm"
                        color="teal"
                        variant={i.status === 'accepted' ? 'subtle' : 'light'}
                        disabled={i.status === 'not_submitted' || i.status === 'accepted'}
                        onClick={() => setReview({ item: i, decision: 'accepted' })}
                        data-testid={`filing-item-${i.item}-accept`}
                      >
                        {t('providers.checklist.accept')}
                      </Button>
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="light"
                        disabled={i.status === 'not_submitted' || i.status === 'rejected'}
                        onClick={() => setReview({ item: i, decision: 'rejected' })}
                        data-testid={`filing-item-${i.item}-reject`}
                      >
                        {t('providers.checklist.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <DecisionDialog
        opened={review !== null}
        onClose={() => setReview(null)}
        title={
          review
            ? t(
                review.decision === 'accepted'
                  ? 'providers.checklist.acceptTitle'
                  : 'providers.checklist.rejectTitle',
                {
                  item: t(`providers.item.${review.item.item}.title`),
                },
              )
            : ''
        }
        effect={
          review
            ? t(
                review.decision === 'accepted'
                  ? 'providers.checklist.acceptEffect'
                  : 'providers.checklist.rejectEffect',
              )
            : ''
        }
        color={review?.decision === 'rejected' ? 'red' : 'teal'}
        confirmLabel={
          review?.decision === 'rejected' ? t('providers.checklist.reject') : t('providers.checklist.accept')
        }
        reasonOptional={review?.decision === 'accepted'}
        reasonLabel={t('providers.checklist.note')}
        reasonHint={review?.decision === 'rejected' ? t('providers.checklist.rejectHint') : undefined}
        onConfirm={confirm}
      />
    </Card>
  );
}
