import { Accordion, Card, Group, Stack, Text, Title } from '@mantine/core';
import { DateTime, Money, TraceList } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantApplication } from '../../lib/api-types';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Group justify="space-between" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** Asked, the rules' proposed maximum (with its trace), the decided award and the payout. */
export function GrantAmounts({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="grant-amounts">
      <Stack gap="sm">
        <Title order={4}>{t('grants.detail.amounts')}</Title>
        <Row label={t('grants.detail.requested')} testId="grant-requested">
          <Money fen={grant.requestedFen} />
        </Row>
        <Row label={t('grants.detail.proposed')} testId="grant-proposed">
          <Money fen={grant.proposal.amountFen} fw={600} />
        </Row>
        {grant.decidedFen !== null ? (
          <Row label={t('grants.detail.decided')} testId="grant-decided">
            <Money fen={grant.decidedFen} fw={600} c="teal.8" />
          </Row>
        ) : null}
        {grant.payout ? (
          <Stack gap={2} data-testid="grant-payout">
            <Row label={t('grants.detail.paid')} testId="grant-paid">
              <Money fen={grant.payout.amountFen} fw={600} c="green.8" />
            </Row>
            <Text size="xs" c="dimmed">
              {t('grants.detail.payoutReference', { reference: grant.payout.reference })} ·{' '}
              <DateTime value={grant.payout.paidAt} span inherit />
            </Text>
          </Stack>
        ) : null}
        <Accordion variant="contained">
          <Accordion.Item value="trace">
            <Accordion.Control data-testid="grant-trace-toggle">{t('grants.detail.trace')}</Accordion.Control>
            <Accordion.Panel>
              <TraceList steps={grant.proposal.trace} data-testid="grant-trace" />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}
