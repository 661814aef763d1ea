import { ActionIcon, Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type TierIssue, type TierRow, tiersFromRows } from './rent-tiers';

/**
 * Art. 10 tier schedule editor. Staff set where each tier ends and its discount; starts follow (month 1, then the
 * month after the previous tier), and the last tier runs on, so the schedule is contiguous by construction.
 */
export function RentTierEditor({ rows, onChange }: { rows: TierRow[]; onChange: (rows: TierRow[]) => void }) {
  const { t } = useTranslation();
  const result = tiersFromRows(rows);
  const issues: TierIssue[] = result.ok ? [] : result.issues;
  const issueFor = (row: number, codes: TierIssue['code'][]) =>
    issues.find((i) => 'row' in i && i.row === row && codes.includes(i.code));
  let from = 1;
  const starts = rows.map((row) => {
    const start = from;
    const end = Number(row.toMonth);
    if (Number.isInteger(end) && end >= start) from = end + 1;
    else from = start + 1;
    return start;
  });
  const set = (index: number, patch: Partial<TierRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs" data-testid="tier-editor">
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('parameters.tiers.from')}</Table.Th>
              <Table.Th>{t('parameters.tiers.to')}</Table.Th>
              <Table.Th>{t('parameters.tiers.discountInput')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const last = index === rows.length - 1;
              const monthIssue = issueFor(index, ['to_month_invalid', 'to_month_before_from']);
              const discountIssue = issueFor(index, ['discount_invalid']);
              return (
                // Rows have no identity beyond their position in the schedule.
                // biome-ignore lint/suspicious/noArrayIndexKey: the schedule is positional
                <Table.Tr key={index} data-testid="tier-row">
                  <Table.Td>
                    <Text size="sm">{t('parameters.tiers.month', { month: starts[index] })}</Text>
                  </Table.Td>
                  <Table.Td>
                    {last ? (
                      <Text size="sm" c="dimmed">
                        {t('parameters.tiers.openEnded')}
                      </Text>
                    ) : (
                      <TextInput
                        size="xs"
                        inputMode="numeric"
                        value={row.toMonth}
                        onChange={(e) => set(index, { toMonth: e.currentTarget.value })}
                        error={monthIssue ? t(`parameters.tiers.issue.${monthIssue.code}`) : undefined}
                        aria-label={t('parameters.tiers.to')}
                        w={110}
                        data-testid="tier-to-month"
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      rightSection="%"
                      value={row.discountPercent}
                      onChange={(e) => set(index, { discountPercent: e.currentTarget.value })}
                      error={discountIssue ? t('parameters.tiers.issue.discount_invalid') : undefined}
                      aria-label={t('parameters.tiers.discountInput')}
                      w={110}
                      data-testid="tier-discount"
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={rows.length <= 1}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                      aria-label={t('parameters.tiers.remove')}
                      data-testid="tier-remove"
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            // The new tier goes before the open-ended one, which keeps running after it.
            const last = rows.at(-1) ?? { toMonth: '', discountPercent: '0' };
            const before = rows.slice(0, -1);
            onChange([...before, { toMonth: '', discountPercent: last.discountPercent }, last]);
          }}
          data-testid="tier-add"
        >
          {t('parameters.tiers.add')}
        </Button>
      </Group>
      {issues.some((i) => i.code === 'empty') ? (
        <Alert color="red" variant="light">
          {t('parameters.tiers.issue.empty')}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('parameters.tiers.help')}
      </Text>
    </Stack>
  );
}
