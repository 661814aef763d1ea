import { Group, Pagination, Stack, Text } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import type { ReactNode } from 'react';

/** One page of a list query as the admin API answers it. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PagedResultsProps<T> {
  query: {
    data: Page<T> | undefined;
    error: unknown;
    isPending: boolean;
    isError: boolean;
    isPlaceholderData: boolean;
    refetch: () => unknown;
  };
  page: number;
  pageSize: number;
  update: (changes: Record<string, string | null>) => void;
  emptyText: ReactNode;
  /** The "N found" line above the table; none when omitted. */
  totalText?: (total: number) => ReactNode;
  skeletonRows?: number;
  /** Prefix of the test ids: `<prefix>-empty`, `<prefix>-total`, `<prefix>-pagination`. */
  testId: string;
  children: (items: T[]) => ReactNode;
}

/**
 * The body of every admin list page: loading/error/empty states, the total, the table (children), and a pager
 * bound to the URL's `page`. While the next page loads the previous one stays, dimmed.
 */
export function PagedResults<T>({
  query,
  page,
  pageSize,
  update,
  emptyText,
  totalText,
  testId,
  skeletonRows = 8,
  children,
}: PagedResultsProps<T>) {
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / pageSize)) : 1;
  return (
    <>
      <QueryState
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Text c="dimmed" ta="center" py="xl" data-testid={`${testId}-empty`}>
            {emptyText}
          </Text>
        }
        skeletonRows={skeletonRows}
      >
        {(data) => (
          <Stack gap="sm" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            {totalText ? (
              <Text size="sm" c="dimmed" data-testid={`${testId}-total`}>
                {totalText(data.total)}
              </Text>
            ) : null}
            {children(data.items)}
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => update({ page: String(p) })}
            data-testid={`${testId}-pagination`}
          />
        </Group>
      ) : null}
    </>
  );
}
