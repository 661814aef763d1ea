import { Box, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from './Money';

export interface CapMeterLabels {
  total: string;
  granted: string;
  reserved: string;
  left: string;
}

export interface CapMeterProps {
  capFen: number;
  grantedFen: number;
  reservedFen: number;
  leftFen: number;
  title?: ReactNode;
  /** Override the legend, e.g. budget / committed / reserved / left for the district fund. */
  labels?: Partial<CapMeterLabels>;
  /** Prefix of the test ids: `<prefix>-meter`, `<prefix>-total`, `<prefix>-granted`, `<prefix>-reserved`, `<prefix>-left`. */
  testIdPrefix?: string;
}

/** Share of the cap as a bar width (a display proportion, never an amount). */
function share(partFen: number, capFen: number): number {
  if (capFen <= 0 || partFen <= 0) return 0;
  return Math.min(100, (partFen / capFen) * 100);
}

const COLORS = { granted: 'teal.6', reserved: 'yellow.5', left: 'gray.3' } as const;

function Swatch({ color }: { color: string }) {
  return <Box w={10} h={10} bg={color} style={{ borderRadius: 2, flexShrink: 0 }} aria-hidden />;
}

/** A cap and how much of it is granted, reserved and left: stacked bar plus a legend with exact amounts. */
export function CapMeter({
  capFen,
  grantedFen,
  reservedFen,
  leftFen,
  title,
  labels,
  testIdPrefix = 'cap',
}: CapMeterProps) {
  const { t } = useTranslation('ui');
  const text: CapMeterLabels = {
    total: labels?.total ?? t('cap.total'),
    granted: labels?.granted ?? t('cap.granted'),
    reserved: labels?.reserved ?? t('cap.reserved'),
    left: labels?.left ?? t('cap.left'),
  };
  const grantedShare = share(grantedFen, capFen);
  const reservedShare = Math.min(100 - grantedShare, share(reservedFen, capFen));
  const usedPercent = Math.floor(grantedShare + reservedShare);

  return (
    <Stack gap="sm" data-testid={`${testIdPrefix}-meter`}>
      <Group justify="space-between" align="baseline" wrap="wrap">
        {title ? (
          <Text fw={600} component="div">
            {title}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {text.total}{' '}
          <Money fen={capFen} fw={600} c="var(--mantine-color-text)" data-testid={`${testIdPrefix}-total`} />
        </Text>
      </Group>
      <Progress.Root size="xl" aria-label={t('cap.usedOfTotal', { percent: usedPercent })}>
        <Tooltip label={text.granted}>
          <Progress.Section value={grantedShare} color={COLORS.granted} />
        </Tooltip>
        <Tooltip label={text.reserved}>
          <Progress.Section value={reservedShare} color={COLORS.reserved} />
        </Tooltip>
      </Progress.Root>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <LegendItem color={COLORS.granted} label={text.granted}>
          <Money fen={grantedFen} fw={600} data-testid={`${testIdPrefix}-granted`} />
        </LegendItem>
        <LegendItem color={COLORS.reserved} label={text.reserved}>
          <Money fen={reservedFen} fw={600} data-testid={`${testIdPrefix}-reserved`} />
        </LegendItem>
        <LegendItem color={COLORS.left} label={text.left}>
          <Money
            fen={leftFen}
            fw={600}
            c={leftFen <= 0 ? 'red' : undefined}
            data-testid={`${testIdPrefix}-left`}
          />
        </LegendItem>
      </SimpleGrid>
    </Stack>
  );
}

function LegendItem({ color, label, children }: { color: string; label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Swatch color={color} />
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Group>
      <Text size="md">{children}</Text>
    </Stack>
  );
}
