import { Table, Text } from '@mantine/core';
import { Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { bpsToPercentText } from './rent-tiers';
import { asBpsMap, asNumber, asRentTiers, asRevenueTiers, FIELDS, FINANCING_KINDS } from './values';

/** A parameter value as staff read it: money, percent, years, a rate per field or a tier table. */
export function ParamValue({
  unit,
  value,
  compact = false,
}: {
  unit: string;
  value: unknown;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const n = asNumber(value);
  switch (unit) {
    case 'fen':
      return n === null ? <Raw value={value} /> : <Money fen={n} fw={600} />;
    case 'fen_per_card_hour':
      return n === null ? (
        <Raw value={value} />
      ) : (
        <Text span inherit>
          <Money fen={n} fw={600} /> {t('parameters.perCardHour')}
        </Text>
      );
    case 'bps':
      return n === null ? (
        <Raw value={value} />
      ) : (
        <Text span inherit fw={600}>
          {bpsToPercentText(n)}%
        </Text>
      );
    case 'years':
      return n === null ? (
        <Raw value={value} />
      ) : (
        <Text span inherit fw={600}>
          {t('parameters.years', { count: n })}
        </Text>
      );
    case 'bps_by_field': {
      const map = asBpsMap(value, FIELDS);
      return map ? (
        <Text span inherit>
          {FIELDS.map((f) => `${t(`parameters.field.${f}`)} ${bpsToPercentText(map[f])}%`).join(' · ')}
        </Text>
      ) : (
        <Raw value={value} />
      );
    }
    case 'bps_by_financing_kind': {
      const map = asBpsMap(value, FINANCING_KINDS);
      return map ? (
        <Text span inherit>
          {FINANCING_KINDS.map((f) => `${t(`parameters.financing.${f}`)} ${bpsToPercentText(map[f])}%`).join(
            ' · ',
          )}
        </Text>
      ) : (
        <Raw value={value} />
      );
    }
    case 'rent_tiers': {
      const tiers = asRentTiers(value);
      if (tiers && compact) {
        return (
          <Text span inherit>
            {t('parameters.tiers.summary', {
              count: tiers.length,
              list: tiers.map((tier) => `${bpsToPercentText(10_000 - tier.payBps)}%`).join(' / '),
            })}
          </Text>
        );
      }
      return tiers ? (
        <Table withTableBorder fz="xs" w="auto" data-testid="rent-tiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('parameters.tiers.months')}</Table.Th>
              <Table.Th ta="right">{t('parameters.tiers.pays')}</Table.Th>
              <Table.Th ta="right">{t('parameters.tiers.discount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.map((tier) => (
              <Table.Tr key={tier.fromMonth}>
                <Table.Td>
                  {tier.toMonth === undefined
                    ? t('parameters.tiers.fromOn', { from: tier.fromMonth })
                    : t('parameters.tiers.range', { from: tier.fromMonth, to: tier.toMonth })}
                </Table.Td>
                <Table.Td ta="right">{bpsToPercentText(tier.payBps)}%</Table.Td>
                <Table.Td ta="right">{bpsToPercentText(10_000 - tier.payBps)}%</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Raw value={value} />
      );
    }
    case 'revenue_tiers': {
      const tiers = asRevenueTiers(value);
      return tiers ? (
        <Text span inherit>
          {tiers.map((tier, i) => (
            <Text span inherit key={tier.revenueAboveFen}>
              {i > 0 ? ' · ' : ''}
              {t('parameters.revenueAbove')} <Money fen={tier.revenueAboveFen} /> →{' '}
              <Money fen={tier.awardFen} fw={600} />
            </Text>
          ))}
        </Text>
      ) : (
        <Raw value={value} />
      );
    }
    default:
      return <Raw value={value} />;
  }
}

function Raw({ value }: { value: unknown }) {
  return (
    <Text span inherit ff="monospace" size="xs">
      {JSON.stringify(value)}
    </Text>
  );
}
