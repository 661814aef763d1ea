import { Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolUsage } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';

/** Sets a pool's capacity with a reason; never below what tenants already bought or reserved (the server agrees). */
export function CapacityDialog({ pool, onClose }: { pool: PoolUsage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState<number | null>(null);
  const set = useMutation(trpc.admin.incubator.pool.setCapacity.mutationOptions());

  useEffect(() => {
    if (pool) setCapacity(pool.capacityUnits);
  }, [pool]);

  const whole = capacity !== null && Number.isSafeInteger(capacity) && capacity >= 0;
  const below = pool !== null && whole && capacity < pool.allocatedUnits;
  async function confirm(reason: string) {
    if (!pool || capacity === null) return;
    await set.mutateAsync({ poolId: pool.id, capacityUnits: capacity, reason });
    notifications.show({ color: 'teal', message: t('incubator.pool.setDone') });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.incubator.pool.pathKey() });
  }

  return (
    <DecisionDialog
      opened={pool !== null}
      onClose={onClose}
      title={t('incubator.pool.setTitle', { name: pool?.name })}
      effect={t('incubator.pool.setEffect')}
      confirmLabel={t('incubator.pool.setConfirm')}
      canConfirm={whole && !below && capacity !== pool?.capacityUnits}
      reasonHint={t('incubator.pool.setHint')}
      onConfirm={confirm}
    >
      <Stack gap="xs">
        <NumberInput
          label={t('incubator.pool.newCapacity')}
          value={capacity ?? ''}
          onChange={(v) => setCapacity(typeof v === 'number' ? v : null)}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          required
          error={below ? t('incubator.pool.belowAllocated', { allocated: pool?.allocatedUnits }) : undefined}
          data-testid="pool-capacity-input"
        />
        {pool ? (
          <Group gap="xl">
            <Text size="sm" c="dimmed">
              {t('incubator.pool.capacity')} {pool.capacityUnits.toLocaleString()}
            </Text>
            <Text size="sm" c="dimmed">
              {t('incubator.pool.allocated')} {pool.allocatedUnits.toLocaleString()}
            </Text>
          </Group>
        ) : null}
      </Stack>
    </DecisionDialog>
  );
}
