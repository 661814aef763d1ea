import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatFen, useLanguage } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { ProviderRevenue } from '../../lib/api-types';

/** Revenue paid by buyers and the subsidy on orders per month; bars are integer fen, axis ticks whole yuan. */
export function RevenueChart({ months }: { months: ProviderRevenue['months'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tick = (value: number) =>
    Number.isFinite(value)
      ? new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { notation: 'compact' }).format(
          Math.trunc(value / 100),
        )
      : '';
  return (
    <BarChart
      h={220}
      data-testid="provider-revenue-chart"
      data={months.map((m) => ({
        month: t('subsidy.month', { month: Number(m.month.slice(5)) }),
        revenue: m.revenuePaidFen,
        subsidy: m.subsidyFen,
      }))}
      dataKey="month"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={(fen) => (Number.isSafeInteger(fen) ? formatFen(fen, language) : tick(fen))}
      yAxisProps={{ tickFormatter: tick, width: 56 }}
      yAxisLabel={t('subsidy.axisYuan')}
      series={[
        { name: 'revenue', label: t('providerDashboard.chartRevenue'), color: 'nanshan.6' },
        { name: 'subsidy', label: t('providerDashboard.orderSubsidy'), color: 'teal.6' },
      ]}
    />
  );
}
