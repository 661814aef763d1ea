import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { describeError, QueryState } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { OfferingSpec } from '../features/catalogue/OfferingSpec';
import { subsidyArticleOf } from '../features/catalogue/subsidy-article';
import { UnitPrice } from '../features/catalogue/UnitPrice';
import { useOffering } from '../features/catalogue/use-offering';
import { QuotePanel } from '../features/quote/QuotePanel';
import type { Offering } from '../lib/api-types';

/** A missing, delisted or malformed offering id all read as "not found" to the buyer. */
function isNotFound(error: unknown): boolean {
  const d = describeError(error);
  return d.kind === 'server' && (d.reason === 'offering_not_found' || d.code === 'BAD_REQUEST');
}

export function OfferingRoute() {
  const { t } = useTranslation();
  const { offeringId = '' } = useParams();
  const location = useLocation();
  const fromCatalogue = (location.state as { offering?: Offering } | null)?.offering;
  const offering = useOffering(offeringId, fromCatalogue);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/" size="sm">
        ← {t('offering.back')}
      </Anchor>
      {offering.isError && isNotFound(offering.error) ? (
        <Text data-testid="offering-not-found">{t('offering.notFound')}</Text>
      ) : (
        <QueryState query={offering}>
          {(o) =>
            o ? (
              <Grid gap="lg">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <Card>
                    <Stack gap="sm">
                      <Group gap="xs">
                        <Badge variant="outline" color="gray">
                          {t(`catalogue.kind.${o.kind}`)}
                        </Badge>
                        <ArticleHint offering={o} />
                      </Group>
                      <Title order={2} data-testid="offering-title">
                        {o.title}
                      </Title>
                      <Text c="dimmed">{o.description}</Text>
                      <Detail label={t('offering.provider')}>{o.providerName}</Detail>
                      <Detail label={t('offering.spec')}>
                        <OfferingSpec offering={o} />
                      </Detail>
                      <Detail label={t('offering.region')}>{o.region ?? t('catalogue.noRegion')}</Detail>
                      <Detail label={t('offering.unitPrice')}>
                        <UnitPrice fen={o.unitPriceFen} unit={o.unit} testId="offering-unit-price" />
                      </Detail>
                    </Stack>
                  </Card>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <QuotePanel offering={o} />
                </Grid.Col>
              </Grid>
            ) : (
              <Text data-testid="offering-not-found">{t('offering.notFound')}</Text>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}

/** Which article's subsidy may apply (a hint: the quote decides); Art. 9 AI services carry the Art. 9 label. */
function ArticleHint({ offering }: { offering: Offering }) {
  const { t } = useTranslation();
  const article = subsidyArticleOf(offering);
  if (!article) return null;
  return (
    <Badge
      variant="light"
      color={article === 'art9' ? 'teal' : 'nanshan'}
      tt="none"
      data-testid="offering-article"
      data-article={article}
    >
      {t(`article.${article}.subsidy`)}
    </Badge>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" ta="right">
        {children}
      </Text>
    </Group>
  );
}
