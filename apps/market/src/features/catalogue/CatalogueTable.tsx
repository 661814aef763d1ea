import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Offering } from '../../lib/api-types';
import { OfferingSpec } from './OfferingSpec';
import { subsidyArticleOf } from './subsidy-article';
import { UnitPrice } from './UnitPrice';

export interface CatalogueTableProps {
  offerings: Offering[];
  /** Signed-in SME with an enterprise: show where the voucher may apply. */
  showSubsidyHint: boolean;
}

export function CatalogueTable({ offerings, showSubsidyHint }: CatalogueTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="catalogue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.columns.offering')}</Table.Th>
            <Table.Th>{t('catalogue.columns.provider')}</Table.Th>
            <Table.Th>{t('catalogue.columns.spec')}</Table.Th>
            <Table.Th>{t('catalogue.columns.region')}</Table.Th>
            <Table.Th ta="right">{t('catalogue.columns.price')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offerings.map((o) => {
            const article = showSubsidyHint ? subsidyArticleOf(o) : null;
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
                  <Text size="sm">{o.region ?? t('catalogue.noRegion')}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <UnitPrice fen={o.unitPriceFen} unit={o.unit} testId="offering-unit-price" />
                </Table.Td>
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
