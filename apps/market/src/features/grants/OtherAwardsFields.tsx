import { ActionIcon, Button, Grid, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AWARD_STATUSES, MAX_OTHER_AWARDS, type OtherAwardValues } from './other-awards';

export interface OtherAwardsFieldsProps {
  rows: readonly OtherAwardValues[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  onChange: (index: number, field: keyof OtherAwardValues, value: string) => void;
  /** Translated error of a row's field, if any. */
  errorOf: (index: number, field: keyof OtherAwardValues) => ReactNode;
}

/** Art. 15 declaration: the same project's support under other Nanshan measures (applied for or received). */
export function OtherAwardsFields({ rows, onAdd, onRemove, onChange, errorOf }: OtherAwardsFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="grant-other-awards">
      <Text size="sm" c="dimmed">
        {t('grants.form.otherAwardsHint')}
      </Text>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position in the list
        <Grid key={i} align="flex-end" data-testid="grant-other-award">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput
              label={t('grants.form.otherAward.measure')}
              required
              maxLength={200}
              value={row.measure}
              onChange={(e) => onChange(i, 'measure', e.currentTarget.value)}
              error={errorOf(i, 'measure')}
              data-testid="grant-other-award-measure"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput
              label={t('grants.form.otherAward.amount')}
              required
              inputMode="decimal"
              value={row.amount}
              onChange={(e) => onChange(i, 'amount', e.currentTarget.value)}
              error={errorOf(i, 'amount')}
              data-testid="grant-other-award-amount"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 3 }}>
            <NativeSelect
              label={t('grants.form.otherAward.status')}
              data={AWARD_STATUSES.map((s) => ({
                value: s,
                label: t(`grants.form.otherAward.statuses.${s}`),
              }))}
              value={row.status}
              onChange={(e) => onChange(i, 'status', e.currentTarget.value)}
              data-testid="grant-other-award-status"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 2, md: 1 }}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => onRemove(i)}
              aria-label={t('grants.form.otherAward.remove')}
              data-testid="grant-other-award-remove"
            >
              ×
            </ActionIcon>
          </Grid.Col>
        </Grid>
      ))}
      {rows.length < MAX_OTHER_AWARDS ? (
        <Button variant="light" onClick={onAdd} w="fit-content" data-testid="grant-other-award-add">
          {t('grants.form.otherAward.add')}
        </Button>
      ) : null}
    </Stack>
  );
}
