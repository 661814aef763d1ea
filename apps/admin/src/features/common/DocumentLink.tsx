import { Group, Text } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from './DownloadButton';

export interface DocumentMeta {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  kind?: string;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * An uploaded document (a licence, a contract, an invoice): its name, kind and size, and a button that fetches
 * the file (staff may read any) and saves it.
 */
export function DocumentLink({ doc, testId = 'document-link' }: { doc: DocumentMeta; testId?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fetchFile = () =>
    queryClient.fetchQuery({ ...trpc.documents.get.queryOptions({ documentId: doc.id }), staleTime: 0 });
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId} data-document-id={doc.id}>
      <DownloadButton
        fetchFile={fetchFile}
        variant="subtle"
        size="compact-sm"
        px={4}
        data-testid={`${testId}-download`}
        aria-label={`${t('common.download')} ${doc.filename}`}
      >
        {doc.filename}
      </DownloadButton>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {sizeText(doc.sizeBytes)}
      </Text>
    </Group>
  );
}
