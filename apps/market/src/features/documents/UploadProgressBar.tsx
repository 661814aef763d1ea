import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from './use-file-upload';

/** Reading, then sending, then the server's checks: what a large upload is doing now. */
export function UploadProgressBar({ progress, testId }: { progress: UploadProgress; testId: string }) {
  const { t } = useTranslation();
  if (progress.phase !== 'reading' && progress.phase !== 'uploading') return null;
  const percent = Math.floor(progress.fraction * 100);
  return (
    <Stack gap={2} data-testid={testId} aria-live="polite">
      <Progress value={percent} animated striped size="sm" />
      <Text size="xs" c="dimmed">
        {progress.phase === 'reading'
          ? t('upload.reading')
          : progress.fraction >= 1
            ? t('upload.processing')
            : t('upload.uploading', { percent })}
      </Text>
    </Stack>
  );
}
