import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Money, TraceList } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';
import { useArticleLabel } from '../common/use-article-label';
import { useReasonText } from '../common/use-reason-text';

/**
 * The rules' proposed maximum as computed now from the database's history, with its trace in the current language,
 * the records it counted, and what Art. 15 (highest applies, no duplication) did with it.
 */
export function ProposalCard({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const articleLabel = useArticleLabel();
  const p = grant.currentProposal;
  const nd = p.nonDuplication;
  const storedDiffers = grant.proposal.amountFen !== p.amountFen;
  return (
    <Card data-testid="grant-proposal-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{t('grants.proposal.title')}</Title>
          <Badge
            color={p.eligible ? 'teal' : 'red'}
            variant="light"
            tt="none"
            data-testid="grant-eligible"
            data-eligible={p.eligible}
          >
            {p.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
          </Badge>
        </Group>
        <Group align="baseline" gap="xs">
          <Text size="sm" c="dimmed">
            {t('grants.proposal.maximum')}
          </Text>
          <Money fen={p.amountFen} fw={700} size="xl" data-testid="grant-proposal" />
        </Group>
        <Text size="xs" c="dimmed">
          {t('grants.proposal.standalone')} <Money fen={p.standaloneFen} /> · {t('grants.proposal.requested')}{' '}
          <Money fen={grant.requestedFen} />
        </Text>
        {storedDiffers ? (
          <Alert color="yellow" variant="light" data-testid="grant-proposal-changed">
            {t('grants.proposal.changed')} <Money fen={grant.proposal.amountFen} fw={600} />
          </Alert>
        ) : null}
        {p.reasons.length > 0 ? (
          <List size="sm" c="red.8" data-testid="grant-reasons">
            {p.reasons.map((code) => (
              <List.Item key={code} data-code={code}>
                {reasonText(code)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {nd.excludedBy ? (
          <Alert
            color="red"
            variant="light"
            title={t('grants.proposal.excludedTitle')}
            data-testid="grant-excluded"
          >
            {t(`grants.proposal.excludedBy.${nd.excludedBy.kind}`, { label: nd.excludedBy.label })}
          </Alert>
        ) : null}
        {nd.alreadyFundedFen > 0 ? (
          <Text size="sm" data-testid="grant-already-funded">
            {t('grants.proposal.alreadyFunded')} <Money fen={nd.alreadyFundedFen} fw={600} />
          </Text>
        ) : null}
        {nd.outranks.length > 0 ? (
          <Text size="sm" data-testid="grant-outranks">
            {t('grants.proposal.outranks', { count: nd.outranks.length })}
          </Text>
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('grants.proposal.trace')}
          </Text>
          <TraceList steps={p.trace} data-testid="grant-trace" />
        </Stack>
        {p.counted.length > 0 ? (
          <Stack gap={4} data-testid="grant-counted">
            <Text size="sm" fw={600}>
              {t('grants.proposal.counted')}
            </Text>
            <List size="xs">
              {p.counted.map((c) => (
                <List.Item key={`${c.grantId}-${c.article}-${c.year}`}>
                  {articleLabel(c.article)} · {c.year} · <Money fen={c.amountFen} /> ·{' '}
                  {c.market ? t('grants.proposal.market') : t('grants.proposal.application')} (
                  {t(`grants.recordStatus.${c.status}`)})
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <Text size="xs" c="dimmed" ff="monospace" data-testid="grant-ruleset">
          {t('grants.proposal.ruleset', { version: p.rulesetVersion, hash: p.paramsHash.slice(0, 12) })}
        </Text>
      </Stack>
    </Card>
  );
}
