import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../features/common/PageHeader';
import { PoolPanel } from '../features/incubator/PoolPanel';
import { RentStatementPanel } from '../features/incubator/RentStatementPanel';
import { SpacesCard } from '../features/incubator/SpacesCard';
import { TenanciesCard } from '../features/incubator/TenanciesCard';
import { oneOf, useSearchState } from '../lib/use-search-state';

const TABS = ['tenancies', 'rent', 'pool'] as const;

/** Art. 10: spaces and leases, the monthly rent statement, and the dedicated compute pool. */
export function IncubatorRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const tab = oneOf(TABS, params.get('tab')) ?? 'tenancies';
  return (
    <Stack gap="lg">
      <PageHeader title={t('incubator.title')} subtitle={t('incubator.subtitle')} />
      <Tabs
        value={tab}
        // Each tab keeps its own URL parameters; switching starts the next one fresh.
        onChange={(v) =>
          update({ tab: v === 'tenancies' ? null : v, page: null, space: null, activeOn: null, month: null })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`incubator-tab-${name}`}>
              {t(`incubator.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="tenancies" pt="md">
          <Stack gap="lg">
            <SpacesCard />
            <TenanciesCard />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="rent" pt="md">
          <RentStatementPanel />
        </Tabs.Panel>
        <Tabs.Panel value="pool" pt="md">
          <PoolPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
