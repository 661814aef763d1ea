import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last line of defence: a render error shows a localized message, not a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Stack p="xl" maw={560} mx="auto">
      <Alert color="red" title={t('common.unexpected')} data-testid="route-error">
        <Button mt="sm" variant="light" color="red" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Alert>
    </Stack>
  );
}
