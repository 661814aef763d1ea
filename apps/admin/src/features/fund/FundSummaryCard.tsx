import { Alert, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { CapMeter, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The first year the measures were in force (Art. 15: valid from 2024-04-08). */
const FIRST_FUND_YEAR = 2024;

/** Art. 2: the year's budget and how much of it is committed (paid), reserved (awaiting payment) and left. */
export function FundSummaryCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>(undefined);
  // The server decides what "this year" is (Shenzhen time); its answer also bounds the year selector.
  const thisYear = useQuery(trpc.admin.fund.summary.queryOptions());
  const chosenYear = useQuery(
    trpc.admin.fund.summary.queryOptions(
      { year: year ?? FIRST_FUND_YEAR },
      { enabled: year !== undefined, placeholderData: keepPreviousData },
    ),
  );
  const summary = year === undefined ? thisYear : chosenYear;
  const lastYear = Math.max(thisYear.data?.year ?? FIRST_FUND_YEAR, FIRST_FUND_YEAR);
  const years = Array.from({ length: lastYear - FIRST_FUND_YEAR + 1 }, (_, i) => String(lastYear - i));

  return (
    <Card data-testid="fund-summary">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={3}>{t('fund.title')}</Title>
          <Select
            label={t('fund.year')}
            data={years}
            value={summary.data ? String(summary.data.year) : null}
            onChange={(v) => {
              if (v) setYear(Number(v));
            }}
            allowDeselect={false}
            w={120}
            data-testid="fund-year"
          />
        </Group>
        <QueryState query={summary}>
          {(fund) => (
            <Stack gap="sm" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
              {fund.budgetFen === 0 ? (
                <Alert color="yellow" data-testid="fund-no-budget">
                  {t('fund.noBudget')}
                </Alert>
              ) : null}
              <CapMeter
                title={t('fund.meterTitle', { year: fund.year })}
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
              <Text size="xs" c="dimmed">
                {t('fund.note')}
              </Text>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
