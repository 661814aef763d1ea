import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { downloadBase64File, ErrorNotice } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

type Format = 'csv' | 'xlsx';

/** The year's orders as a CSV or XLSX file: the API sends base64, the browser saves it as a download. */
export function StatementExport({ year }: { year: number }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (format: Format) =>
      // A statement is read fresh each time (staleTime 0): it must include the order paid a minute ago.
      queryClient.fetchQuery({ ...trpc.statements.orders.queryOptions({ year, format }), staleTime: 0 }),
    onSuccess: (file) => {
      downloadBase64File(file);
      notifications.show({ color: 'teal', message: t('statements.downloaded', { filename: file.filename }) });
    },
  });
  const busy = (format: Format) => download.isPending && download.variables === format;
  return (
    <Card data-testid="statements-card">
      <Stack gap="sm">
        <Title order={4}>{t('statements.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('statements.note', { year })}
        </Text>
        <Group gap="sm">
          <Button
            variant="light"
            loading={busy('csv')}
            disabled={download.isPending && !busy('csv')}
            onClick={() => download.mutate('csv')}
            data-testid="statement-csv"
          >
            {t('statements.csv')}
          </Button>
          <Button
            variant="light"
            loading={busy('xlsx')}
            disabled={download.isPending && !busy('xlsx')}
            onClick={() => download.mutate('xlsx')}
            data-testid="statement-xlsx"
          >
            {t('statements.xlsx')}
          </Button>
        </Group>
        {download.isPending ? (
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('statements.preparing')}
          </Text>
        ) : null}
        {download.isError ? <ErrorNotice error={download.error} data-testid="statement-error" /> : null}
      </Stack>
    </Card>
  );
}
