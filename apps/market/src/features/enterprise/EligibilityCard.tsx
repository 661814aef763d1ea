import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Money, QueryState, TraceList } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseEligibility } from '../../lib/api-types';
import { useReasonText } from '../quote/use-reason-text';
import { useEnterpriseLabels } from './labels';

type ArticleResult = EnterpriseEligibility['articles'][number];

/**
 * What the rules say about the enterprise today: its SME classification (and which proof Art. 6 relies on), and for
 * Arts. 6, 9 and 10 whether it qualifies, why not, and the steps that decided it.
 */
export function EligibilityCard() {
  const { t } = useTranslation();
  const eligibility = useQuery(trpc.enterprises.eligibility.queryOptions());
  return (
    <Card data-testid="eligibility-card">
      <QueryState query={eligibility} skeletonRows={6}>
        {(data) => (
          <Stack gap="lg">
            <Group justify="space-between" align="baseline">
              <Title order={3}>{t('eligibility.title')}</Title>
              <Text size="xs" c="dimmed">
                {t('eligibility.asOf', { date: data.date })}
              </Text>
            </Group>
            <Classification data={data.classification} />
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              {data.articles.map((a) => (
                <ArticlePanel key={a.article} result={a} year={data.year} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function TraceToggle({ testId, children }: { testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={toggle}
        aria-expanded={open}
        data-testid={`${testId}-trace-toggle`}
      >
        {open ? t('eligibility.hideTrace') : t('eligibility.showTrace')}
      </Button>
      <Collapse expanded={open}>{children}</Collapse>
    </Stack>
  );
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c={value ? 'teal.8' : 'dimmed'} fw={500}>
      {value ? t('enterprise.yes') : t('enterprise.no')}
    </Text>
  );
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="baseline" gap="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" ta="right">
        {children}
      </Text>
    </Group>
  );
}

function StackedFact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Classification({ data }: { data: EnterpriseEligibility['classification'] }) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  return (
    <Stack
      gap="xs"
      data-testid="sme-classification"
      data-size={data.size}
      data-qualifies={data.qualifiesAsSme}
    >
      <Group gap="sm">
        <Title order={5}>{t('eligibility.classification.title')}</Title>
        <Badge variant="light" color={data.size === 'large' ? 'gray' : 'nanshan'} tt="none">
          {t(`eligibility.classification.size.${data.size}`)}
        </Badge>
        <Badge variant="light" color={data.qualifiesAsSme ? 'teal' : 'red'} tt="none">
          {data.qualifiesAsSme
            ? t('eligibility.classification.qualifies')
            : t('eligibility.classification.notQualifies')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('eligibility.classification.industryRow', {
          industry: labels.industry(data.industry),
          clause: data.clause,
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StackedFact label={t('eligibility.classification.byTable')}>
          <YesNo value={data.isSmeByTable} />
        </StackedFact>
        <StackedFact label={t('eligibility.classification.techSme')}>
          <YesNo value={data.techSmeRegistered} />
        </StackedFact>
        <StackedFact label={t('eligibility.classification.proof')}>
          <Text span size="sm" data-testid="sme-proof" data-proof={data.proof}>
            {t(`eligibility.classification.proofs.${data.proof}`)}
          </Text>
        </StackedFact>
      </SimpleGrid>
      <TraceToggle testId="sme-classification">
        <TraceList steps={data.trace} data-testid="sme-classification-trace" />
      </TraceToggle>
    </Stack>
  );
}

function ArticlePanel({ result, year }: { result: ArticleResult; year: number }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const testId = `eligibility-${result.article}`;
  return (
    <Card withBorder padding="md" data-testid={testId} data-eligible={result.eligible}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={600}>{t(`eligibility.articles.${result.article}.title`)}</Text>
            <Badge
              color={result.eligible ? 'teal' : 'gray'}
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
              data-testid={`${testId}-status`}
            >
              {result.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`eligibility.articles.${result.article}.summary`)}
          </Text>
        </Stack>
        {result.reasons.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('eligibility.reasons')}
            </Text>
            <List size="sm" data-testid={`${testId}-reasons`}>
              {result.reasons.map((code) => (
                <List.Item key={code} data-reason={code}>
                  {code === 'not_a_tenant' ? t('eligibility.notTenantReason') : reasonText(code)}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        {'cap' in result ? (
          <Fact label={t('eligibility.capLeft', { year })}>
            <Money fen={result.cap.leftFen} fw={600} data-testid={`${testId}-cap-left`} />
          </Fact>
        ) : null}
        {'consecutiveYearsFunded' in result && result.consecutiveYearsFunded > 0 ? (
          <Text size="xs" c="dimmed">
            {t('eligibility.yearsFunded', { count: result.consecutiveYearsFunded })}
          </Text>
        ) : null}
        {'tenancy' in result ? (
          result.tenancy ? (
            <Stack gap={4}>
              <Text size="sm">
                {t('eligibility.tenancy', {
                  space: result.tenancy.spaceName,
                  unit: result.tenancy.unit,
                  month: result.tenancy.month,
                })}
              </Text>
              <Anchor component={Link} to="/incubator" size="sm" data-testid="eligibility-open-incubator">
                {t('eligibility.openIncubator')} →
              </Anchor>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('eligibility.notTenant')}
            </Text>
          )
        ) : null}
        {result.trace.length > 0 ? (
          <TraceToggle testId={testId}>
            <TraceList steps={result.trace} data-testid={`${testId}-trace`} />
          </TraceToggle>
        ) : null}
      </Stack>
    </Card>
  );
}
