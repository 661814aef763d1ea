import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenancyListItem } from '../../lib/api-types';
import { pageFrom, useSearchState } from '../../lib/use-search-state';
import { PagedResults } from '../common/PagedResults';
import { EndTenancyDialog } from './EndTenancyDialog';
import { TenanciesTable } from './TenanciesTable';
import { TenancyDialog } from './TenancyDialog';

const PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Leases filtered by space and by a day they run on (both in the URL), with record / edit / end. */
export function TenanciesCard() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const page = pageFrom(params.get('page'));
  const spaces = useQuery(trpc.admin.incubator.spaces.list.queryOptions());
  const spaceList = spaces.data ?? [];
  const asked = params.get('space');
  const spaceId = spaceList.some((s) => s.id === asked) ? (asked ?? undefined) : undefined;
  const activeOnParam = params.get('activeOn') ?? '';
  const activeOn = ISO_DATE.test(activeOnParam) ? activeOnParam : undefined;
  const tenancies = useQuery(
    trpc.admin.incubator.tenancies.list.queryOptions(
      { page, pageSize: PAGE_SIZE, ...(spaceId ? { spaceId } : {}), ...(activeOn ? { activeOn } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );
  const [editing, setEditing] = useState<TenancyListItem | 'new' | null>(null);
  const [ending, setEnding] = useState<TenancyListItem | null>(null);

  return (
    <Card data-testid="tenancies-card">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3}>{t('incubator.tenancies.title')}</Title>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('incubator.tenancies.space')}
              placeholder={t('incubator.tenancies.allSpaces')}
              data={spaceList.map((s) => ({ value: s.id, label: s.name }))}
              value={spaceId ?? null}
              onChange={(v) => update({ space: v, page: null })}
              clearable
              w={240}
              data-testid="tenancies-space"
            />
            <TextInput
              type="date"
              label={t('incubator.tenancies.activeOn')}
              title={t('incubator.tenancies.activeOnHint')}
              value={activeOnParam}
              onChange={(e) => update({ activeOn: e.currentTarget.value, page: null })}
              w={170}
              data-testid="tenancies-active-on"
            />
            <Button
              onClick={() => setEditing('new')}
              disabled={spaceList.length === 0}
              data-testid="tenancy-add"
            >
              {t('incubator.tenancies.add')}
            </Button>
          </Group>
        </Group>
        <PagedResults
          query={tenancies}
          page={page}
          pageSize={PAGE_SIZE}
          update={update}
          emptyText={t('incubator.tenancies.empty')}
          totalText={(count) => t('incubator.tenancies.total', { count })}
          testId="tenancies"
        >
          {(items) => <TenanciesTable items={items} onEdit={setEditing} onEnd={setEnding} />}
        </PagedResults>
      </Stack>
      <TenancyDialog
        opened={editing !== null}
        tenancy={editing === 'new' ? null : editing}
        spaces={spaceList}
        onClose={() => setEditing(null)}
      />
      <EndTenancyDialog tenancy={ending} onClose={() => setEnding(null)} />
    </Card>
  );
}
