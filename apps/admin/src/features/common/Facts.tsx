import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/** Label / value pairs of a record, two or three columns wide on larger screens. */
export function Facts({ items, cols = 3 }: { items: readonly Fact[]; cols?: 2 | 3 | 4 }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} spacing="md" verticalSpacing="sm">
      {items.map((item, index) => (
        // Facts are a fixed layout; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: static list
        <Stack gap={2} key={index}>
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text size="sm" component="div" data-testid={item.testId} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
