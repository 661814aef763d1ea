import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EnterpriseForm } from '../features/enterprise/EnterpriseForm';
import { refreshAfterEnterpriseChange } from '../features/enterprise/invalidate';
import { useMe } from '../features/session/use-me';

/** Onboarding: an SME user without an enterprise registers one and becomes its administrator. */
export function EnterpriseRegisterRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const options = useQuery(
    trpc.enterprises.options.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const register = useMutation(
    trpc.enterprises.register.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('enterprise.registered') });
        await refreshAfterEnterpriseChange();
        await navigate('/enterprise', { replace: true });
      },
    }),
  );
  const hasEnterprise = Boolean(me.data?.enterprise);
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>{t('enterprise.registerTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('enterprise.registerSubtitle')}
        </Text>
      </div>
      {hasEnterprise && !register.isPending && !register.isSuccess ? (
        <Alert color="teal" data-testid="enterprise-already-registered">
          <Stack gap="xs">
            {t('enterprise.alreadyRegistered')}
            <Button component={Link} to="/enterprise" size="xs" w="fit-content" variant="light">
              {t('enterprise.goProfile')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <QueryState query={options} skeletonRows={10}>
          {(data) => (
            <EnterpriseForm
              mode="register"
              options={data}
              submitting={register.isPending}
              error={register.isError ? register.error : null}
              onSubmit={(values) => register.mutate(values)}
            />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
