import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { useFundYears } from '../features/fund/use-fund-years';
import { EnterpriseStatement } from '../features/reports/EnterpriseStatement';
import { SubsidyReport } from '../features/reports/SubsidyReport';

/** Reports: subsidies by article / month / provider / enterprise, and an enterprise's yearly statement. */
export function ReportsRoute() {
  const { t } = useTranslation();
  const { years } = useFundYears();
  // useFundYears lists next year first; reports start at the current year.
  const reportYears = years.slice(1);
  return (
    <Stack gap="lg">
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <SubsidyReport years={reportYears} />
      <EnterpriseStatement years={reportYears} />
    </Stack>
  );
}
