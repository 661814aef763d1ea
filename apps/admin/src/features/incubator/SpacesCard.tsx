import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncubatorSpace } from '../../lib/api-types';
import { SpaceDialog } from './SpaceDialog';

/** The incubation spaces with how many leases run today; add or edit one. */
export function SpacesCard() {
  const { t } = useTranslation();
  const spaces = useQuery(trpc.admin.incubator.spaces.list.queryOptions());
  const [editing, setEditing] = useState<IncubatorSpace | 'new' | null>(null);
  return (
    <Card data-testid="spaces-card">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('incubator.spaces.title')}</Title>
          <Button variant="light" onClick={() => setEditing('new')} data-testid="space-add">
            {t('incubator.spaces.add')}
          </Button>
        </Group>
        <QueryState
          query={spaces}
          isEmpty={(d) => d.length === 0}
          empty={
            <Text c="dimmed" ta="center" py="md" data-testid="spaces-empty">
              {t('incubator.spaces.empty')}
            </Text>
          }
        >
          {(data) => (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="spaces-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('incubator.spaces.name')}</Table.Th>
                    <Table.Th>{t('incubator.spaces.address')}</Table.Th>
                    <Table.Th ta="right">{t('incubator.spaces.activeTenancies')}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((s) => (
                    <Table.Tr key={s.id} data-testid="space-row" data-space-id={s.id}>
                      <Table.Td fw={600}>{s.name}</Table.Td>
                      <Table.Td>{s.address}</Table.Td>
                      <Table.Td ta="right">{s.activeTenancies}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setEditing(s)}
                          data-testid="space-edit"
                        >
                          {t('incubator.spaces.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
      <SpaceDialog
        opened={editing !== null}
        space={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
