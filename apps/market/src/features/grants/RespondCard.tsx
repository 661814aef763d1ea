import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantApplication, GrantEvidence } from '../../lib/api-types';
import { EvidenceUploader } from './EvidenceUploader';
import { USUAL_EVIDENCE } from './evidence-kinds';
import { refreshGrants } from './invalidate';

/** Staff asked for more information: the applicant answers with a note and, if needed, more evidence. */
export function RespondCard({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [documents, setDocuments] = useState<GrantEvidence[]>([]);
  const respond = useMutation(
    trpc.grants.respond.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('grants.respond.done') });
        setNote('');
        setDocuments([]);
        await refreshGrants();
      },
    }),
  );
  return (
    <Card data-testid="grant-respond">
      <Stack>
        <Title order={4}>{t('grants.respond.title')}</Title>
        {grant.infoRequest ? (
          <Alert color="orange" variant="light" title={t('grants.respond.asked')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="grant-info-request">
              {grant.infoRequest.note}
            </Text>
          </Alert>
        ) : null}
        <Textarea
          label={t('grants.respond.note')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="grant-respond-note"
        />
        <EvidenceUploader
          documents={documents}
          onChange={setDocuments}
          initialKind={USUAL_EVIDENCE[grant.article]}
          testId="grant-respond-evidence"
        />
        {respond.isError ? <ErrorNotice error={respond.error} data-testid="grant-respond-error" /> : null}
        <Button
          disabled={note.trim() === ''}
          loading={respond.isPending}
          onClick={() =>
            respond.mutate({
              applicationId: grant.id,
              note: note.trim(),
              documentIds: documents.map((d) => d.id),
            })
          }
          data-testid="grant-respond-submit"
        >
          {t('grants.respond.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
