import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  type MantineColor,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateTime, downloadBase64File, ErrorNotice } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingChecklistItem } from '../../lib/api-types';
import { ACCEPTED_MIME_TYPES, fileSizeText } from '../documents/file-rules';
import { UploadProgressBar } from '../documents/UploadProgressBar';
import { useFileUpload } from '../documents/use-file-upload';
import { refreshProviderViews } from './use-provider';

type UploadInput = inferInput<typeof trpc.documents.upload>;
type UploadedDocument = inferOutput<typeof trpc.documents.upload>;
type Item = FilingChecklistItem['item'];

const STATUS_COLORS: Record<FilingChecklistItem['status'], MantineColor> = {
  not_submitted: 'gray',
  submitted: 'yellow',
  accepted: 'teal',
  rejected: 'red',
};

/** The document kind the filing notice asks for under each item. */
const DOCUMENT_KIND: Record<Item, UploadInput['kind']> = {
  licence: 'business_licence',
  staff: 'social_insurance',
  owned_compute: 'equipment_proof',
  price_list: 'filing_evidence',
  model_filing: 'filing_evidence',
  cases: 'filing_evidence',
  contracts: 'filing_evidence',
};

/**
 * One item of the filing checklist: what the provider states, one proof document (uploaded with progress), the
 * review status and the staff's note. Submitting sends the item (back) to review.
 */
export function FilingItemCard({ entry, readOnly }: { entry: FilingChecklistItem; readOnly: boolean }) {
  const { t } = useTranslation();
  const testId = `filing-item-${entry.item}`;
  const [editing, setEditing] = useState(entry.status === 'not_submitted' || entry.status === 'rejected');
  const [statement, setStatement] = useState(entry.statement);
  const [document, setDocument] = useState<Pick<UploadedDocument, 'id' | 'filename' | 'sizeBytes'> | null>(
    entry.document,
  );
  const upload = useFileUpload<UploadedDocument>({
    path: 'documents.upload',
    toInput: (file): UploadInput => ({ ownerType: 'provider', kind: DOCUMENT_KIND[entry.item], ...file }),
    onUploaded: setDocument,
  });

  const submit = useMutation(
    trpc.providers.submitFilingItem.mutationOptions({
      onSuccess: async () => {
        notifications.show({
          color: 'teal',
          message: t('filing.submitted', { item: t(`filing.items.${entry.item}`) }),
        });
        setEditing(false);
        await refreshProviderViews();
      },
    }),
  );

  const download = useMutation({
    mutationFn: (documentId: string) =>
      queryClient.fetchQuery({ ...trpc.documents.get.queryOptions({ documentId }), staleTime: 0 }),
    onSuccess: (file) => downloadBase64File(file),
  });

  return (
    <Card withBorder padding="md" data-testid={testId} data-status={entry.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600}>{t(`filing.items.${entry.item}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`filing.itemHints.${entry.item}`)}
            </Text>
          </Stack>
          <Badge
            color={STATUS_COLORS[entry.status]}
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid={`${testId}-status`}
            data-status={entry.status}
          >
            {t(`filing.status.${entry.status}`)}
          </Badge>
        </Group>

        {entry.reviewNote ? (
          <Alert
            color={entry.status === 'rejected' ? 'red' : 'gray'}
            variant="light"
            title={t('filing.reviewNote')}
            data-testid={`${testId}-review-note`}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.reviewNote}
            </Text>
            {entry.reviewedAt ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('filing.reviewedAt')} <DateTime value={entry.reviewedAt} size="xs" />
              </Text>
            ) : null}
          </Alert>
        ) : null}

        {editing && !readOnly ? (
          <Stack gap="sm">
            <Textarea
              label={t('filing.statement')}
              placeholder={t('filing.statementPlaceholder')}
              autosize
              minRows={2}
              maxLength={4000}
              value={statement}
              onChange={(e) => setStatement(e.currentTarget.value)}
              data-testid={`${testId}-statement`}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('filing.document')}
              </Text>
              <Group gap="sm">
                <FileButton
                  onChange={upload.choose}
                  accept={ACCEPTED_MIME_TYPES.join(',')}
                  disabled={upload.busy}
                  // The hidden file input: end-to-end tests set files on it directly.
                  inputProps={{ 'data-testid': `${testId}-file` } as React.ComponentProps<'input'>}
                >
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      size="xs"
                      loading={upload.busy}
                      data-testid={`${testId}-choose-file`}
                    >
                      {document ? t('filing.replaceFile') : t('filing.chooseFile')}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="dimmed">
                  {document
                    ? `${document.filename} · ${fileSizeText(document.sizeBytes)}`
                    : t('filing.fileHint')}
                </Text>
              </Group>
              <UploadProgressBar progress={upload.progress} testId={`${testId}-upload-progress`} />
              {upload.progress.phase === 'done' && document ? (
                <Text size="xs" c="teal.8" data-testid={`${testId}-uploaded`}>
                  ✓ {t('filing.uploaded', { filename: document.filename })}
                </Text>
              ) : null}
              {upload.fileError ? (
                <Text size="xs" c="red" data-testid={`${testId}-file-error`}>
                  {t(upload.fileError)}
                </Text>
              ) : null}
              {upload.error ? (
                <ErrorNotice error={upload.error} data-testid={`${testId}-upload-error`} />
              ) : null}
            </Stack>
            {submit.isError ? <ErrorNotice error={submit.error} data-testid={`${testId}-error`} /> : null}
            <Group justify="flex-end" gap="sm">
              {entry.status !== 'not_submitted' ? (
                <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                  {t('filing.cancel')}
                </Button>
              ) : null}
              <Button
                size="xs"
                disabled={upload.busy || (statement.trim() === '' && !document)}
                loading={submit.isPending}
                onClick={() =>
                  submit.mutate({
                    item: entry.item,
                    statement: statement.trim(),
                    documentId: document?.id ?? null,
                  })
                }
                data-testid={`${testId}-submit`}
              >
                {entry.status === 'not_submitted' ? t('filing.submit') : t('filing.resubmit')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap={6}>
            {entry.statement ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`${testId}-statement-text`}>
                {entry.statement}
              </Text>
            ) : null}
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {t('filing.document')}:
              </Text>
              {entry.document ? (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => entry.document && download.mutate(entry.document.id)}
                  data-testid={`${testId}-document`}
                >
                  {entry.document.filename} · {fileSizeText(entry.document.sizeBytes)}
                </Anchor>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('filing.noFile')}
                </Text>
              )}
            </Group>
            {download.isError ? <ErrorNotice error={download.error} /> : null}
            {!readOnly ? (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setEditing(true)}
                  data-testid={`${testId}-edit`}
                >
                  {t('filing.edit')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
