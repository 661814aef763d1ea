import { Alert, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { QueryState } from '@nanshan/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CatalogueTable } from '../features/catalogue/CatalogueTable';
import { useMe } from '../features/session/use-me';
import { trpc } from '../lib/trpc';

const PAGE_SIZE = 10;

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** The public catalogue; search and page live in the URL so back/forward and shared links keep them. */
export function CatalogueRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = pageFrom(params.get('page'));
  const [draft, setDraft] = useState(search);
  // Back/forward can change the search in the URL; the box follows (our own debounced update already matches).
  const [seenSearch, setSeenSearch] = useState(search);
  if (search !== seenSearch) {
    setSeenSearch(search);
    if (draft.trim() !== search) setDraft(search);
  }

  const applySearch = useDebouncedCallback((value: string) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value.trim()) next.set('q', value.trim());
      else next.delete('q');
      next.delete('page');
      return next;
    });
  }, 300);

  const list = useQuery(
    trpc.offerings.list.queryOptions({ search: search || undefined, page, pageSize: PAGE_SIZE }),
  );
  // Rows are shown only for what the search box says now: while a new search is being typed or fetched the old rows
  // give way to a skeleton, so nobody (and no test) clicks an offering from the previous results.
  const typing = draft.trim() !== search;
  const isSme = me.data?.user.role === 'sme' && me.data.enterprise !== null;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('catalogue.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('catalogue.subtitle')}
        </Text>
      </div>
      {!me.isPending && !me.data ? (
        <Alert color="nanshan" variant="light">
          {t('catalogue.signInForSubsidy')}
        </Alert>
      ) : null}
      <TextInput
        label={t('catalogue.searchLabel')}
        placeholder={t('catalogue.searchPlaceholder')}
        value={draft}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
        type="search"
        data-testid="catalogue-search"
      />
      <QueryState
        query={typing ? { ...list, isPending: true } : list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid="catalogue-empty">
            {t('catalogue.empty')}
          </Text>
        }
        skeletonRows={6}
      >
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" data-testid="catalogue-total">
              {t('catalogue.total', { count: data.total })}
            </Text>
            <CatalogueTable offerings={data.items} showSubsidyHint={isSme} />
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('page', String(p));
                return next;
              })
            }
            data-testid="catalogue-pagination"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
