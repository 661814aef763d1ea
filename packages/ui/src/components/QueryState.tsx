import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';

/** The parts of a TanStack Query result this wrapper reads. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

export interface QueryStateProps<T> {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  /** When true for the loaded data, `empty` is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Skeleton lines while loading. */
  skeletonRows?: number;
}

/** Loading skeleton, localized error with retry, empty state, or the data — in that order. */
export function QueryState<T>({ query, children, isEmpty, empty, skeletonRows = 3 }: QueryStateProps<T>) {
  const { t } = useTranslation('ui');
  if (query.isPending) {
    return (
      <Stack gap="xs" data-testid="query-loading" aria-busy="true" aria-label={t('query.loading')}>
        {Array.from({ length: skeletonRows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have nothing but their position
          <Skeleton key={i} height={20} radius="sm" width={i === skeletonRows - 1 ? '60%' : '100%'} />
        ))}
      </Stack>
    );
  }
  if (query.isError || query.data === undefined) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) {
    return (
      empty ?? (
        <Paper p="xl" data-testid="query-empty">
          <Text c="dimmed" ta="center">
            {t('query.empty')}
          </Text>
        </Paper>
      )
    );
  }
  return <>{children(query.data)}</>;
}
