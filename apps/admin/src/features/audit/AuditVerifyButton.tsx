import { Alert, Button, Text } from '@mantine/core';
import { DateTime, ErrorNotice } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** Re-computes the whole hash chain on the server on demand (never on its own: it reads every entry). */
export function useAuditVerify() {
  return useQuery(trpc.admin.audit.verify.queryOptions(undefined, { enabled: false, gcTime: 0 }));
}

export function AuditVerifyButton({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useTranslation();
  return (
    <Button
      onClick={() => void verify.refetch()}
      loading={verify.isFetching}
      variant="light"
      data-testid="audit-verify"
    >
      {t('audit.verify.button')}
    </Button>
  );
}

/** Whether any entry was altered, and where the chain breaks. */
export function AuditVerifyResult({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useTranslation();
  if (verify.isError) return <ErrorNotice error={verify.error} onRetry={() => void verify.refetch()} />;
  const result = verify.data;
  if (!result || verify.isFetching) return null;
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      variant={result.ok ? 'light' : 'filled'}
      title={result.ok ? t('audit.verify.ok') : t('audit.verify.broken')}
      data-testid="audit-verify-result"
      data-ok={result.ok}
      data-first-broken={result.firstBrokenId ?? ''}
    >
      <Text size="sm">
        {result.ok
          ? t('audit.verify.okBody', { count: result.entries })
          : t('audit.verify.brokenBody', { id: result.firstBrokenId, count: result.entries })}
      </Text>
      <Text size="xs" c={result.ok ? 'dimmed' : undefined}>
        {t('audit.verify.checkedAt')} <DateTime value={result.checkedAt} span inherit />
      </Text>
    </Alert>
  );
}
