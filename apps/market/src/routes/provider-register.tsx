import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProviderRegisterForm } from '../features/provider/ProviderRegisterForm';
import { refreshProviderViews, useProvider } from '../features/provider/use-provider';

/** Onboarding for a provider user: register the centre or vendor, then fill in the filing checklist. */
export function ProviderRegisterRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const provider = useProvider();
  const register = useMutation(
    trpc.providers.register.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('provider.registered') });
        await refreshProviderViews();
        await navigate('/provider/profile', { replace: true });
      },
    }),
  );
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>{t('provider.registerTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('provider.registerSubtitle')}
        </Text>
      </div>
      <QueryState query={provider}>
        {(p) =>
          p && !register.isPending && !register.isSuccess ? (
            <Alert color="teal" data-testid="provider-already-registered">
              <Stack gap="xs">
                {t('provider.alreadyRegistered')}
                <Button component={Link} to="/provider/profile" size="xs" w="fit-content" variant="light">
                  {t('provider.goProfile')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ProviderRegisterForm
              submitting={register.isPending}
              error={register.isError ? register.error : null}
              onSubmit={(values) => register.mutate(values)}
            />
          )
        }
      </QueryState>
    </Stack>
  );
}
