import { Button, CloseButton, FileButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { ErrorNotice } from '@nanshan/ui';
import { type ComponentProps, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantEvidence, GrantEvidenceInput } from '../../lib/api-types';
import { ACCEPTED_MIME_TYPES, fileSizeText } from '../documents/file-rules';
import { UploadProgressBar } from '../documents/UploadProgressBar';
import { useFileUpload } from '../documents/use-file-upload';
import { EVIDENCE_KINDS, type EvidenceKind } from './evidence-kinds';

/**
 * Evidence files for an application (contracts, invoices, municipal grant notices…), uploaded one by one through
 * `grants.uploadDocument` with the server's limits checked first. The parent keeps the list; its ids are what the
 * application cites.
 */
export function EvidenceUploader({
  documents,
  onChange,
  initialKind,
  error,
  testId = 'grant-evidence',
}: {
  documents: readonly GrantEvidence[];
  onChange: (documents: GrantEvidence[]) => void;
  initialKind: EvidenceKind;
  error?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvidenceKind>(initialKind);
  const upload = useFileUpload<GrantEvidence>({
    path: 'grants.uploadDocument',
    toInput: (file): GrantEvidenceInput => ({ kind, ...file }),
    // Retrying the same file returns the stored one: it is listed once.
    onUploaded: (doc) => onChange([...documents.filter((d) => d.id !== doc.id), doc]),
  });

  return (
    <Stack gap="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {t('grants.evidence.hint')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('grants.evidence.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as EvidenceKind)}
          data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`grants.evidence.kinds.${k}`) }))}
          data-testid={`${testId}-kind`}
        />
        <FileButton
          onChange={upload.choose}
          accept={ACCEPTED_MIME_TYPES.join(',')}
          disabled={upload.busy}
          // The hidden file input: end-to-end tests set files on it directly.
          inputProps={{ 'data-testid': `${testId}-file` } as ComponentProps<'input'>}
        >
          {(props) => (
            <Button {...props} variant="default" loading={upload.busy} data-testid={`${testId}-choose`}>
              {t('grants.evidence.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <UploadProgressBar progress={upload.progress} testId={`${testId}-progress`} />
      {upload.fileError ? (
        <Text size="xs" c="red" data-testid={`${testId}-file-error`}>
          {t(upload.fileError)}
        </Text>
      ) : null}
      {upload.error ? <ErrorNotice error={upload.error} data-testid={`${testId}-upload-error`} /> : null}
      {documents.length === 0 ? (
        <Text size="sm" c={error ? 'red' : 'dimmed'} data-testid={`${testId}-none`}>
          {error ?? t('grants.evidence.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {documents.map((d) => (
            <Group key={d.id} gap="xs" data-testid={`${testId}-item`} data-document-id={d.id}>
              <Text size="sm">
                {t(`grants.evidence.kinds.${d.kind as EvidenceKind}`)} · {d.filename} ·{' '}
                {fileSizeText(d.sizeBytes)}
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('grants.evidence.remove')}
                onClick={() => onChange(documents.filter((x) => x.id !== d.id))}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
