import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { CapMeter, Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { AdjustmentsTable } from '../features/fund/AdjustmentsTable';
import { BudgetDialog, type BudgetMode } from '../features/fund/BudgetDialog';
import { BurnDownChart } from '../features/fund/BurnDownChart';
import { useFundYears } from '../features/fund/use-fund-years';
import { useSearchState } from '../lib/use-search-state';

/** Art. 2: the year's budget with its adjustments, what is committed / reserved / disbursed / left, and the burn-down. */
export function FundRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const { current, years } = useFundYears();
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : current;
  const [mode, setMode] = useState<BudgetMode | null>(null);
  const summary = useQuery(
    trpc.admin.fund.summary.queryOptions(year ? { year } : undefined, { placeholderData: keepPreviousData }),
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('fund.pageTitle')}
        subtitle={t('fund.note')}
        actions={
          <Select
            label={t('fund.year')}
            data={years.map(String)}
            value={year ? String(year) : null}
            onChange={(v) => update({ year: v })}
            allowDeselect={false}
            w={120}
            data-testid="fund-year"
          />
        }
      />
      <QueryState query={summary} skeletonRows={5}>
        {(fund) => (
          <Stack gap="lg" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
            <Card data-testid="fund-summary">
              <Stack>
                <Group justify="space-between" wrap="wrap">
                  <Title order={3}>{t('fund.meterTitle', { year: fund.year })}</Title>
                  <Group gap="xs">
                    <Button variant="light" onClick={() => setMode('set')} data-testid="fund-set-budget">
                      {t('fund.setBudget')}
                    </Button>
                    <Button onClick={() => setMode('adjust')} data-testid="fund-adjust">
                      {t('fund.adjust')}
                    </Button>
                  </Group>
                </Group>
                {fund.budgetFen === 0 ? (
                  <Alert color="yellow" data-testid="fund-no-budget">
                    {t('fund.noBudget')}
                  </Alert>
                ) : null}
                <CapMeter
                  capFen={fund.budgetFen}
                  grantedFen={fund.committedFen}
                  reservedFen={fund.reservedFen}
                  leftFen={fund.leftFen}
                  labels={{
                    total: t('fund.budget'),
                    granted: t('fund.committed'),
                    reserved: t('fund.reserved'),
                    left: t('fund.left'),
                  }}
                  testIdPrefix="fund"
                />
                <Text size="sm">
                  {t('fund.disbursed')}{' '}
                  <Money fen={fund.disbursedFen} fw={600} data-testid="fund-disbursed" />
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('fund.disbursedNote')}
                  </Text>
                </Text>
              </Stack>
            </Card>
            <BudgetDialog mode={mode} fund={fund} onClose={() => setMode(null)} />
            <BurnDownChart year={fund.year} />
            <Card>
              <Stack>
                <Title order={3}>{t('fund.adjustments.title')}</Title>
                <AdjustmentsTable adjustments={fund.adjustments} />
              </Stack>
            </Card>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
