import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  type MantineColor,
  Menu,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OfferingSpec } from '../features/catalogue/OfferingSpec';
import { UnitPrice } from '../features/catalogue/UnitPrice';
import { RequireProvider } from '../features/provider/RequireProvider';
import { refreshProviderViews } from '../features/provider/use-provider';
import type { ProviderOffering, ProviderProfile } from '../lib/api-types';

type Status = ProviderOffering['status'];

const STATUS_COLORS: Record<Status, MantineColor> = { draft: 'gray', listed: 'teal', delisted: 'orange' };

/** The provider's offerings in every state: create, edit, list and delist. */
export function ProviderOfferingsRoute() {
  return <RequireProvider>{(p) => <OfferingsView provider={p} />}</RequireProvider>;
}

function OfferingsView({ provider }: { provider: ProviderProfile }) {
  const { t } = useTranslation();
  const offerings = useQuery(trpc.offerings.mine.queryOptions());
  const setStatus = useMutation(
    trpc.offerings.setStatus.mutationOptions({
      onSuccess: async (o) => {
        notifications.show({
          color: 'teal',
          message: t('providerOfferings.statusChanged', {
            title: o.title,
            status: t(`providerOfferings.status.${o.status}`),
          }),
        });
        await refreshProviderViews();
      },
    }),
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('providerOfferings.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('providerOfferings.subtitle')}
          </Text>
        </div>
        <Button component={Link} to="/provider/offerings/new" data-testid="offering-create">
          {t('providerOfferings.create')}
        </Button>
      </Group>
      {!provider.active ? (
        <Alert color="yellow" data-testid="offerings-inactive-note">
          {t('providerOfferings.inactiveNote')}
        </Alert>
      ) : null}
      {setStatus.isError ? <ErrorNotice error={setStatus.error} data-testid="offering-status-error" /> : null}
      <Card>
        <QueryState
          query={offerings}
          isEmpty={(d) => d.length === 0}
          empty={
            <Text c="dimmed" ta="center" py="xl" data-testid="provider-offerings-empty">
              {t('providerOfferings.empty')}
            </Text>
          }
        >
          {(data) => (
            <Table.ScrollContainer minWidth={900}>
              <Table data-testid="provider-offerings-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('providerOfferings.columns.title')}</Table.Th>
                    <Table.Th>{t('providerOfferings.columns.spec')}</Table.Th>
                    <Table.Th ta="right">{t('providerOfferings.columns.price')}</Table.Th>
                    <Table.Th ta="right">{t('providerOfferings.columns.quantity')}</Table.Th>
                    <Table.Th ta="right">{t('providerOfferings.columns.stock')}</Table.Th>
                    <Table.Th>{t('providerOfferings.columns.status')}</Table.Th>
                    <Table.Th>{t('providerOfferings.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((o) => (
                    <Table.Tr key={o.id} data-testid="provider-offering-row" data-offering-id={o.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {o.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`catalogue.kind.${o.kind}`)} ·{' '}
                          {t(`providerOfferings.serviceKind.${o.serviceKind}`)}
                          {o.pool ? ` · ${t('article.art10.hint')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <OfferingSpec offering={o} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <UnitPrice fen={o.unitPriceFen} unit={o.unit} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">
                          {o.minQuantity.toLocaleString()} / {o.maxQuantity.toLocaleString()}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">
                          {o.stock === null ? t('providerOfferings.unlimited') : o.stock.toLocaleString()}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={STATUS_COLORS[o.status]}
                          variant="light"
                          tt="none"
                          data-testid={`offering-status-${o.id}`}
                          data-status={o.status}
                        >
                          {t(`providerOfferings.status.${o.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {o.pool ? (
                          <Text size="xs" c="dimmed" maw={200}>
                            {t('providerOfferings.poolManaged')}
                          </Text>
                        ) : (
                          <Group gap={4} wrap="nowrap">
                            {o.status !== 'listed' ? (
                              <Button
                                size="compact-sm"
                                variant="light"
                                color="teal"
                                disabled={!provider.active}
                                loading={setStatus.isPending && setStatus.variables?.offeringId === o.id}
                                onClick={() => setStatus.mutate({ offeringId: o.id, status: 'listed' })}
                                data-testid="offering-action-list"
                              >
                                {t('providerOfferings.actions.list')}
                              </Button>
                            ) : (
                              <Button
                                size="compact-sm"
                                variant="light"
                                color="orange"
                                loading={setStatus.isPending && setStatus.variables?.offeringId === o.id}
                                onClick={() => setStatus.mutate({ offeringId: o.id, status: 'delisted' })}
                                data-testid="offering-action-delist"
                              >
                                {t('providerOfferings.actions.delist')}
                              </Button>
                            )}
                            <Button
                              component={Link}
                              to={`/provider/offerings/${o.id}/edit`}
                              size="compact-sm"
                              variant="subtle"
                              data-testid="offering-edit"
                            >
                              {t('providerOfferings.actions.edit')}
                            </Button>
                            {o.status === 'delisted' ? (
                              <Menu position="bottom-end" withinPortal>
                                <Menu.Target>
                                  <Button size="compact-sm" variant="subtle" color="gray" aria-label="…">
                                    …
                                  </Button>
                                </Menu.Target>
                                <Menu.Dropdown>
                                  <Menu.Item
                                    onClick={() => setStatus.mutate({ offeringId: o.id, status: 'draft' })}
                                    data-testid="offering-action-draft"
                                  >
                                    {t('providerOfferings.actions.draft')}
                                  </Menu.Item>
                                </Menu.Dropdown>
                              </Menu>
                            ) : null}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
