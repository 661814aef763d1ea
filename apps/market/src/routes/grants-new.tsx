import { Anchor, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GrantApplyForm } from '../features/grants/GrantApplyForm';
import { refreshGrants } from '../features/grants/invalidate';

export function GrantsNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The year the server is in (its clock may be offset for demos), which decides the years an article takes.
  const summary = useQuery(trpc.subsidy.summary.queryOptions());
  const submit = useMutation(
    trpc.grants.submit.mutationOptions({
      onSuccess: async (grant) => {
        notifications.show({ color: 'teal', message: t('grants.form.submitted') });
        await refreshGrants();
        await navigate(`/grants/${grant.id}`);
      },
    }),
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/grants" size="sm">
        ← {t('grants.back')}
      </Anchor>
      <Title order={2}>{t('grants.form.title')}</Title>
      <QueryState query={summary}>
        {(s) => (
          <GrantApplyForm
            serverYear={s.year}
            submitting={submit.isPending}
            error={submit.error}
            onSubmit={(input) => submit.mutate(input)}
            onCancel={() => void navigate('/grants')}
          />
        )}
      </QueryState>
    </Stack>
  );
}
