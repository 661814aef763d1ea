import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" data-testid="not-found">
      <Title order={2}>{t('common.notFound')}</Title>
      <Button component={Link} to="/">
        {t('common.home')}
      </Button>
    </Stack>
  );
}
