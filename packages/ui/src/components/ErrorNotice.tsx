import { Alert, Button, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors/use-error-text';

export interface ErrorNoticeProps {
  /** A TRPCClientError, a better-auth error, or anything thrown. */
  error: unknown;
  title?: ReactNode;
  onRetry?: () => void;
  'data-testid'?: string;
}

/** A localized explanation of a failure, with the machine code in small print for support. */
export function ErrorNotice({
  error,
  title,
  onRetry,
  'data-testid': testId = 'error-notice',
}: ErrorNoticeProps) {
  const { t } = useTranslation('ui');
  const text = useErrorText()(error);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} data-testid={testId} role="alert">
      <Stack gap="xs">
        <Text size="sm">{text.message}</Text>
        {text.details.length > 0 ? (
          <List size="sm">
            {text.details.map((detail) => (
              <List.Item key={detail}>{detail}</List.Item>
            ))}
          </List>
        ) : null}
        {text.code ? (
          <Text size="xs" c="dimmed" data-testid={`${testId}-code`}>
            {t('errors.withCode', { code: text.code })}
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry} w="fit-content">
            {t('query.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
