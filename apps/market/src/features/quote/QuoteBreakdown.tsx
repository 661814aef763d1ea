import { Badge, Button, Collapse, Divider, Group, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Money, TraceList } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../lib/api-types';
import { useSubsidyLabel } from '../subsidy/articles';
import { useReasonText } from './use-reason-text';

function Line({ label, children, strong }: { label: ReactNode; children: ReactNode; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 600 : 400} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 500}>
        {children}
      </Text>
    </Group>
  );
}

/** Price, subsidy, amount to pay, the cap left before this order, and the rules' trace on demand. */
export function QuoteBreakdown({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const subsidyLabel = useSubsidyLabel();
  const [traceOpen, { toggle }] = useDisclosure(false);
  return (
    <Stack gap="xs" data-testid="quote">
      <Group gap="xs">
        {quote.eligible ? (
          <Badge color="teal" variant="light" data-testid="quote-eligible">
            {t('quote.eligible')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" data-testid="quote-not-eligible">
            {t('quote.notEligible')}
          </Badge>
        )}
      </Group>
      {quote.reasons.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('quote.reasonsTitle')}
          </Text>
          <List size="sm" data-testid="quote-reasons">
            {quote.reasons.map((code) => (
              <List.Item key={code} data-reason={code}>
                {reasonText(code)}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Line label={t('quote.listPrice')}>
        <Money fen={quote.listPriceFen} data-testid="quote-list-price" />
      </Line>
      <Line label={subsidyLabel(quote.article)}>
        <Text component="span" inherit c="teal.8">
          {quote.subsidyFen > 0 ? '− ' : ''}
          <Money fen={quote.subsidyFen} data-testid="quote-subsidy" />
        </Text>
      </Line>
      <Divider />
      <Line label={t('quote.payable')} strong>
        <Money fen={quote.payableFen} data-testid="quote-payable" />
      </Line>
      {quote.cap ? (
        <Line label={t('quote.capLeft', { year: quote.cap.year })}>
          <Money fen={quote.cap.leftFen} data-testid="quote-cap-left" />
        </Line>
      ) : null}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={toggle}
        w="fit-content"
        data-testid="quote-trace-toggle"
      >
        {traceOpen ? t('quote.hideTrace') : t('quote.showTrace')}
      </Button>
      <Collapse expanded={traceOpen}>
        <TraceList steps={quote.trace} data-testid="quote-trace" />
      </Collapse>
    </Stack>
  );
}
