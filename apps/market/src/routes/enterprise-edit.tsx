import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { changedFacts } from '../features/enterprise/changes';
import {
  type EnterpriseFacts,
  EnterpriseForm,
  VerificationWarning,
} from '../features/enterprise/EnterpriseForm';
import { refreshAfterEnterpriseChange } from '../features/enterprise/invalidate';

export function EnterpriseEditRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useQuery(trpc.enterprises.mine.queryOptions());
  const options = useQuery(
    trpc.enterprises.options.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const update = useMutation(
    trpc.enterprises.update.mutationOptions({
      onSuccess: async (result) => {
        notifications.show(
          result.verificationCleared
            ? { color: 'orange', message: t('enterprise.verificationCleared'), autoClose: 10_000 }
            : { color: 'teal', message: t('enterprise.saved') },
        );
        await refreshAfterEnterpriseChange();
        await navigate('/enterprise');
      },
    }),
  );
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/enterprise" size="sm">
        ← {t('enterprise.profile.title')}
      </Anchor>
      <Title order={2}>{t('enterprise.editTitle')}</Title>
      <QueryState
        query={{
          ...profile,
          isPending: profile.isPending || options.isPending,
          isError: profile.isError || options.isError,
          error: profile.error ?? options.error,
        }}
      >
        {(p) =>
          p === null ? (
            <Navigate to="/enterprise/register" replace />
          ) : p.myRole !== 'owner' ? (
            <Alert color="gray" data-testid="enterprise-owner-only">
              {t('enterprise.ownerOnly')}
            </Alert>
          ) : options.data ? (
            <EnterpriseForm
              mode="edit"
              profile={p}
              options={options.data}
              submitting={update.isPending}
              error={update.isError ? update.error : null}
              onCancel={() => void navigate('/enterprise')}
              notice={(changed) => (
                <VerificationWarning verified={p.verification.status === 'verified'} changed={changed} />
              )}
              onSubmit={({ uscc: _uscc, ...facts }) => {
                const changes: Partial<EnterpriseFacts> = changedFacts<EnterpriseFacts>(p, facts);
                if (Object.keys(changes).length === 0) {
                  notifications.show({ color: 'gray', message: t('enterprise.nothingChanged') });
                  return;
                }
                update.mutate(changes);
              }}
            />
          ) : null
        }
      </QueryState>
    </Stack>
  );
}
