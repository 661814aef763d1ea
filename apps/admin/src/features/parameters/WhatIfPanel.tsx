import { Alert, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { WhatIfResult } from '../../lib/api-types';
import { ParamValue } from './ParamValue';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The effect of a candidate value on last year's paid orders and on that year's fund. */
export function WhatIfPanel({ result, unit }: { result: WhatIfResult; unit: string }) {
  const { t } = useTranslation();
  const { fund } = result;
  return (
    <Stack gap="sm" data-testid="what-if-result">
      <Text size="sm">
        {t('parameters.whatIf.summary', {
          year: result.year,
          orders: result.orders,
          eligible: result.eligibleOrders,
          changed: result.changedOrders,
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('parameters.whatIf.currentValue')}>
          <ParamValue unit={unit} value={result.currentValue} />
        </Figure>
        <Figure label={t('parameters.whatIf.candidateValue')}>
          <ParamValue unit={unit} value={result.candidateValue} />
        </Figure>
        <Figure label={t('parameters.whatIf.current')}>
          <Money fen={result.currentFen} fw={600} />
        </Figure>
        <Figure label={t('parameters.whatIf.candidate')}>
          <Money fen={result.candidateFen} fw={600} data-testid="what-if-candidate" />
        </Figure>
      </SimpleGrid>
      <Alert
        color={!fund.withinBudget ? 'red' : result.differenceFen > 0 ? 'yellow' : 'teal'}
        variant="light"
        data-testid="what-if-fund"
        data-within-budget={fund.withinBudget}
      >
        <Text size="sm">
          {t('parameters.whatIf.difference')}{' '}
          <Money fen={result.differenceFen} fw={700} data-testid="what-if-difference" />
        </Text>
        <Text size="sm">
          {t('parameters.whatIf.fundLeft', { year: fund.year })}{' '}
          <Money fen={fund.leftWithCandidateFen} fw={600} />{' '}
          {fund.withinBudget ? t('parameters.whatIf.withinBudget') : t('parameters.whatIf.overBudget')}
        </Text>
        {result.mismatchedOrders > 0 ? (
          <Text size="xs" c="dimmed">
            {t('parameters.whatIf.mismatched', { count: result.mismatchedOrders })}
          </Text>
        ) : null}
      </Alert>
      {result.enterprises.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped data-testid="what-if-enterprises">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parameters.whatIf.enterprise')}</Table.Th>
                <Table.Th ta="right">{t('parameters.whatIf.orders')}</Table.Th>
                <Table.Th ta="right">{t('parameters.whatIf.current')}</Table.Th>
                <Table.Th ta="right">{t('parameters.whatIf.candidate')}</Table.Th>
                <Table.Th ta="right">{t('parameters.whatIf.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.enterprises.slice(0, 20).map((e) => (
                <Table.Tr key={e.enterpriseId}>
                  <Table.Td>{e.enterpriseName}</Table.Td>
                  <Table.Td ta="right">{e.orders}</Table.Td>
                  <Table.Td ta="right">
                    <Money fen={e.currentFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={e.candidateFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money
                      fen={e.differenceFen}
                      fw={600}
                      c={e.differenceFen > 0 ? 'orange.8' : e.differenceFen < 0 ? 'teal.8' : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {result.changed.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('parameters.whatIf.firstChanged')}{' '}
          {result.changed.slice(0, 3).map((c) => (
            <Text span inherit key={c.orderId}>
              {c.enterpriseName} {c.paidAt ? <DateTime value={c.paidAt} span inherit /> : null}{' '}
              <Money fen={c.currentFen} /> → <Money fen={c.candidateFen} />;{' '}
            </Text>
          ))}
        </Text>
      ) : null}
    </Stack>
  );
}
