import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Offering } from '../../lib/api-types';
import { useReasonText } from '../quote/use-reason-text';
import { OfferingSpec } from './OfferingSpec';
import { subsidyArticleOf } from './subsidy-article';
import { UnitPrice } from './UnitPrice';
import { useUnitLabel } from './use-unit-label';

export interface CatalogueTableProps {
  offerings: Offering[];
  /** Signed-in SME with an enterprise: show the article hint and the server's subsidy for it now. */
  showSubsidy: boolean;
}

export function CatalogueTable({ offerings, showSubsidy }: CatalogueTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={showSubsidy ? 1000 : 760}>
      <Table data-testid="catalogue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.columns.offering')}</Table.Th>
            <Table.Th>{t('catalogue.columns.provider')}</Table.Th>
            <Table.Th>{t('catalogue.columns.spec')}</Table.Th>
            <Table.Th>{t('catalogue.columns.region')}</Table.Th>
            <Table.Th ta="right">{t('catalogue.columns.price')}</Table.Th>
            {showSubsidy ? (
              <>
                <Table.Th ta="right">{t('catalogue.subsidyColumn')}</Table.Th>
                <Table.Th ta="right">{t('catalogue.payableColumn')}</Table.Th>
              </>
            ) : null}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offerings.map((o) => {
            const article = showSubsidy ? subsidyArticleOf(o) : null;
            return (
              <Table.Tr key={o.id} data-testid="offering-row" data-offering-id={o.id}>
                <Table.Td>
                  <Stack gap={4}>
                    <Anchor
                      component={Link}
                      to={`/offerings/${o.id}`}
                      state={{ offering: o }}
                      fw={600}
                      data-testid="offering-link"
                    >
                      {o.title}
                    </Anchor>
                    <Group gap={6}>
                      <Badge size="xs" variant="outline" color="gray">
                        {t(`catalogue.kind.${o.kind}`)}
                      </Badge>
                      {article ? (
                        <Badge
                          size="xs"
                          variant="light"
                          color="teal"
                          data-testid="subsidy-hint"
                          data-article={article}
                        >
                          {t(`article.${article}.hint`)}
                        </Badge>
                      ) : null}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.providerName}</Text>
                </Table.Td>
                <Table.Td>
                  <OfferingSpec offering={o} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {o.region ?? t('catalogue.noRegion')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <UnitPrice fen={o.unitPriceFen} unit={o.unit} testId="offering-unit-price" />
                </Table.Td>
                {showSubsidy ? <SubsidyCells offering={o} /> : null}
                <Table.Td>
                  <Button
                    component={Link}
                    to={`/offerings/${o.id}`}
                    state={{ offering: o }}
                    size="xs"
                    variant="light"
                  >
                    {t('catalogue.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The enterprise's subsidy now and what it pays after it, both from the server at the offering's minimum quantity
 * (the rules' function the quote and the order use); when there is none, why.
 */
function SubsidyCells({ offering }: { offering: Offering }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const reasonText = useReasonText();
  const s = offering.subsidy;
  if (!s) {
    return (
      <>
        <Table.Td />
        <Table.Td />
      </>
    );
  }
  const basis = t('catalogue.atMinQuantity', {
    quantity: s.quantity.toLocaleString(),
    unit: unitLabel(offering.unit),
  });
  return (
    <>
      <Table.Td ta="right">
        {s.subsidyFen > 0 ? (
          <Stack gap={0} align="flex-end">
            <Money fen={s.subsidyFen} fw={600} c="teal.8" size="sm" data-testid="offering-subsidy" />
          </Stack>
        ) : (
          <Tooltip
            multiline
            w={260}
            withArrow
            label={
              s.reasons.length > 0 ? (
                <List size="xs">
                  {s.reasons.map((code) => (
                    <List.Item key={code} c="white">
                      {reasonText(code)}
                    </List.Item>
                  ))}
                </List>
              ) : (
                t('catalogue.noSubsidy')
              )
            }
          >
            <Text
              size="sm"
              c="dimmed"
              data-testid="offering-subsidy"
              data-fen={0}
              data-reasons={s.reasons.join(' ')}
            >
              {t('catalogue.noSubsidy')}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Stack gap={0} align="flex-end">
          <Money fen={s.payableFen} fw={600} size="sm" data-testid="offering-payable" />
          <Text size="xs" c="dimmed">
            {basis}
          </Text>
        </Stack>
      </Table.Td>
    </>
  );
}
