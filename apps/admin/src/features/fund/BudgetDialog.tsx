import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Money } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundSummary } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';
import { YuanInput } from '../common/YuanInput';

export type BudgetMode = 'set' | 'adjust';

/**
 * Art. 2: set the year's budget or raise / lower it, always with a reason. The dialog shows the budget after the
 * change and refuses one below what is already committed + reserved (the server refuses it too).
 */
export function BudgetDialog({
  mode,
  fund,
  onClose,
}: {
  mode: BudgetMode | null;
  fund: FundSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [direction, setDirection] = useState<'increase' | 'decrease'>('increase');
  const setBudget = useMutation(trpc.admin.fund.setBudget.mutationOptions());
  const adjust = useMutation(trpc.admin.fund.adjust.mutationOptions());

  const floorFen = fund.committedFen + fund.reservedFen;
  const afterFen =
    amountFen === null
      ? null
      : mode === 'set'
        ? amountFen
        : fund.budgetFen + (direction === 'increase' ? amountFen : -amountFen);
  const problem =
    amountFen === null
      ? 'fund.dialog.amountInvalid'
      : afterFen === fund.budgetFen
        ? 'fund.dialog.unchanged'
        : afterFen !== null && afterFen < floorFen
          ? 'fund.dialog.belowCommitments'
          : null;

  async function confirm(reason: string) {
    if (afterFen === null || amountFen === null) return;
    if (mode === 'set') await setBudget.mutateAsync({ year: fund.year, budgetFen: amountFen, reason });
    else await adjust.mutateAsync({ year: fund.year, deltaFen: afterFen - fund.budgetFen, reason });
    notifications.show({ color: 'teal', message: t('fund.dialog.done', { year: fund.year }) });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.fund.pathKey() });
  }

  return (
    <DecisionDialog
      opened={mode !== null}
      onClose={() => {
        setAmountFen(null);
        onClose();
      }}
      title={
        mode === 'set'
          ? t('fund.dialog.setTitle', { year: fund.year })
          : t('fund.dialog.adjustTitle', { year: fund.year })
      }
      effect={t('fund.dialog.effect')}
      confirmLabel={t('fund.dialog.confirm')}
      canConfirm={problem === null}
      reasonHint={t('fund.dialog.hint')}
      onConfirm={confirm}
    >
      <Stack gap="sm">
        {mode === 'adjust' ? (
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v === 'decrease' ? 'decrease' : 'increase')}
            data={[
              { value: 'increase', label: t('fund.dialog.increase') },
              { value: 'decrease', label: t('fund.dialog.decrease') },
            ]}
            data-testid="fund-adjust-direction"
          />
        ) : null}
        <YuanInput
          label={mode === 'set' ? t('fund.dialog.newBudget') : t('fund.dialog.delta')}
          valueFen={amountFen}
          onChangeFen={setAmountFen}
          required
          error={amountFen !== null && problem ? t(problem) : undefined}
          data-testid="fund-amount"
        />
        <Group gap="xl">
          <Text size="sm" c="dimmed">
            {t('fund.dialog.before')} <Money fen={fund.budgetFen} fw={600} c="var(--mantine-color-text)" />
          </Text>
          <Text size="sm" c="dimmed">
            {t('fund.dialog.after')}{' '}
            {afterFen === null ? (
              '—'
            ) : (
              <Money fen={afterFen} fw={600} c="var(--mantine-color-text)" data-testid="fund-budget-after" />
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {t('fund.dialog.floor')} <Money fen={floorFen} fw={600} c="var(--mantine-color-text)" />
          </Text>
        </Group>
      </Stack>
    </DecisionDialog>
  );
}
