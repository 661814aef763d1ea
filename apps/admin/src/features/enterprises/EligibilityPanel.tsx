import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CapMeter, Money, TraceList } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../../lib/api-types';
import { useReasonText } from '../common/use-reason-text';
import { useEnterpriseLabels } from './use-enterprise-labels';

type Eligibility = EnterpriseDetail['eligibility'];
type ArticleRow = Eligibility['articles'][number];

function EligibleBadge({ eligible, testId }: { eligible: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={eligible ? 'teal' : 'red'}
      variant="light"
      tt="none"
      data-testid={testId}
      data-eligible={eligible}
    >
      {eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
    </Badge>
  );
}

function ArticleCard({ row }: { row: ArticleRow }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Card data-testid="eligibility-article" data-article={row.article}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t(`eligibility.article.${row.article}`)}</Text>
          <EligibleBadge eligible={row.eligible} testId={`eligibility-${row.article}`} />
        </Group>
        {row.reasons.length > 0 ? (
          <List size="sm" c="red.8" data-testid={`eligibility-${row.article}-reasons`}>
            {row.reasons.map((code) => (
              <List.Item key={code} data-code={code}>
                {reasonText(code)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {'cap' in row ? (
          <CapMeter
            title={t('eligibility.cap')}
            capFen={row.cap.capFen}
            grantedFen={row.cap.grantedFen}
            reservedFen={row.cap.reservedFen}
            leftFen={row.cap.leftFen}
            testIdPrefix={`cap-${row.article}`}
          />
        ) : null}
        {'consecutiveYearsFunded' in row ? (
          <Text size="sm" c="dimmed">
            {t('eligibility.consecutiveYears', { count: row.consecutiveYearsFunded })}
          </Text>
        ) : null}
        {'tenancy' in row && row.tenancy ? (
          <Text size="sm">
            {t('eligibility.tenancy', {
              space: row.tenancy.spaceName,
              unit: row.tenancy.unit,
              month: row.tenancy.month,
              percent: row.tenancy.payBps / 100,
            })}{' '}
            <Money fen={row.tenancy.rentDueFen} fw={600} />
          </Text>
        ) : null}
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('eligibility.trace')}
          </Text>
          <TraceList steps={row.trace} data-testid={`eligibility-${row.article}-trace`} />
        </Stack>
      </Stack>
    </Card>
  );
}

/** What the rules package says about the enterprise today: the SME classification and each market article. */
export function EligibilityPanel({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const c = eligibility.classification;
  return (
    <Stack gap="md" data-testid="eligibility-panel">
      <Group justify="space-between">
        <Title order={3}>{t('eligibility.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('eligibility.asOf', { date: eligibility.date })}
        </Text>
      </Group>
      <Card data-testid="eligibility-classification">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{t('eligibility.classification')}</Text>
            <EligibleBadge eligible={c.qualifiesAsSme} testId="eligibility-sme" />
          </Group>
          <Text size="sm">
            {t('eligibility.classificationLine', {
              industry: labels.industry(c.industry),
              clause: c.clause,
              size: t(`eligibility.size.${c.size}`),
              proof: t(`eligibility.proof.${c.proof}`),
            })}
          </Text>
          <TraceList steps={c.trace} data-testid="eligibility-classification-trace" />
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {eligibility.articles.map((row) => (
          <ArticleCard key={row.article} row={row} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
