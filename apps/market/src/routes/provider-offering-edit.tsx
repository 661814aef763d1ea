import { Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { changedFacts } from '../features/enterprise/changes';
import { OfferingForm, type OfferingInput } from '../features/provider/OfferingForm';
import { RequireProvider } from '../features/provider/RequireProvider';
import { refreshProviderViews } from '../features/provider/use-provider';
import type { ProviderProfile } from '../lib/api-types';

/** `/provider/offerings/new` creates a draft; `/provider/offerings/:offeringId/edit` changes its terms. */
export function ProviderOfferingEditRoute() {
  return <RequireProvider>{(p) => <OfferingEditor provider={p} />}</RequireProvider>;
}

function OfferingEditor({ provider }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { offeringId } = useParams();
  const offerings = useQuery(
    trpc.offerings.mine.queryOptions(undefined, { enabled: offeringId !== undefined }),
  );
  const back = () => void navigate('/provider/offerings');
  const create = useMutation(
    trpc.offerings.create.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('providerOfferings.created') });
        await refreshProviderViews();
        back();
      },
    }),
  );
  const update = useMutation(
    trpc.offerings.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('providerOfferings.saved') });
        await refreshProviderViews();
        back();
      },
    }),
  );
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/provider/offerings" size="sm">
        ← {t('providerOfferings.back')}
      </Anchor>
      <Title order={2}>
        {offeringId ? t('providerOfferings.formEditTitle') : t('providerOfferings.formCreateTitle')}
      </Title>
      {offeringId === undefined ? (
        <OfferingForm
          provider={provider}
          submitting={create.isPending}
          error={create.isError ? create.error : null}
          onSubmit={(values) => create.mutate(values)}
          onCancel={back}
        />
      ) : (
        <QueryState query={offerings}>
          {(list) => {
            const offering = list.find((o) => o.id === offeringId);
            if (!offering) {
              return (
                <Text c="dimmed" data-testid="offering-not-found">
                  {t('providerOfferings.notFound')}
                </Text>
              );
            }
            return (
              <OfferingForm
                provider={provider}
                offering={offering}
                submitting={update.isPending}
                error={update.isError ? update.error : null}
                onCancel={back}
                onSubmit={(values) => {
                  const changes = changedFacts<OfferingInput>(offering, values);
                  if (Object.keys(changes).length === 0) {
                    back();
                    return;
                  }
                  update.mutate({ offeringId: offering.id, ...changes });
                }}
              />
            );
          }}
        </QueryState>
      )}
    </Stack>
  );
}
