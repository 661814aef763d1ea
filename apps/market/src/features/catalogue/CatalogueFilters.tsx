import {
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { formatFen, parseAmountToFen, useLanguage } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueQuery, type CatalogueSort, SORTS } from './catalogue-query';

/**
 * The catalogue's filters: category, GPU model and provider (choices from `offerings.facets`), unit-price range in
 * 元, "only with a subsidy", and the sort. Each change goes to the URL (the caller's `onChange`).
 */
export function CatalogueFilters({
  query,
  canSortBySubsidy,
  onChange,
}: {
  query: CatalogueQuery;
  canSortBySubsidy: boolean;
  onChange: (changes: Partial<CatalogueQuery>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const facets = useQuery(
    trpc.offerings.facets.queryOptions(query.kind ? { kind: query.kind } : undefined, { staleTime: 60_000 }),
  );
  const [priceDraft, setPriceDraft] = useState({ min: query.minYuan ?? '', max: query.maxYuan ?? '' });
  const applyPrice = useDebouncedCallback((next: { min: string; max: string }) => {
    onChange({ minYuan: next.min.trim() || undefined, maxYuan: next.max.trim() || undefined });
  }, 400);
  const priceError = (text: string) => {
    if (!text.trim()) return undefined;
    const parsed = parseAmountToFen(text, 'yuan');
    return parsed.ok ? undefined : t('validation.amountFormat');
  };
  const range = facets.data?.priceRange;
  const sorts = SORTS.filter((s) => s !== 'subsidy_desc' || canSortBySubsidy);
  const filtered =
    query.kind || query.gpu || query.provider || query.minYuan || query.maxYuan || query.subsidisedOnly;

  return (
    <Card padding="md" data-testid="catalogue-filters">
      <Stack gap="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('catalogue.filters.kind')}
              </Text>
              <SegmentedControl
                fullWidth
                value={query.kind ?? 'all'}
                onChange={(v) =>
                  onChange({ kind: v === 'compute' || v === 'ai_service' ? v : undefined, gpu: undefined })
                }
                data={[
                  { value: 'all', label: t('catalogue.filters.allKinds') },
                  { value: 'compute', label: t('catalogue.kind.compute') },
                  { value: 'ai_service', label: t('catalogue.kind.ai_service') },
                ]}
                data-testid="catalogue-kind"
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <NativeSelect
              label={t('catalogue.filters.gpu')}
              value={query.gpu ?? ''}
              onChange={(e) => onChange({ gpu: e.currentTarget.value || undefined })}
              data={[
                { value: '', label: t('catalogue.filters.allGpus') },
                ...(facets.data?.gpuModels ?? []).map((g) => ({
                  value: g.gpuModel,
                  label: `${g.gpuModel} (${g.count})`,
                })),
                // A model in the URL that the facets no longer list stays selectable, so the box shows the truth.
                ...(query.gpu && !facets.data?.gpuModels.some((g) => g.gpuModel === query.gpu)
                  ? [{ value: query.gpu, label: query.gpu }]
                  : []),
              ]}
              data-testid="catalogue-gpu"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <NativeSelect
              label={t('catalogue.filters.provider')}
              value={query.provider ?? ''}
              onChange={(e) => onChange({ provider: e.currentTarget.value || undefined })}
              data={[
                { value: '', label: t('catalogue.filters.allProviders') },
                ...(facets.data?.providers ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name} (${p.count})`,
                })),
              ]}
              data-testid="catalogue-provider"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              label={t('catalogue.filters.priceMin')}
              inputMode="decimal"
              value={priceDraft.min}
              error={priceError(priceDraft.min)}
              onChange={(e) => {
                const next = { ...priceDraft, min: e.currentTarget.value };
                setPriceDraft(next);
                applyPrice(next);
              }}
              data-testid="catalogue-price-min"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              label={t('catalogue.filters.priceMax')}
              inputMode="decimal"
              value={priceDraft.max}
              error={priceError(priceDraft.max)}
              onChange={(e) => {
                const next = { ...priceDraft, max: e.currentTarget.value };
                setPriceDraft(next);
                applyPrice(next);
              }}
              data-testid="catalogue-price-max"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Switch
              label={t('catalogue.filters.subsidisedOnly')}
              description={canSortBySubsidy ? t('catalogue.filters.subsidisedOnlyHint') : undefined}
              checked={query.subsidisedOnly}
              onChange={(e) => onChange({ subsidisedOnly: e.currentTarget.checked })}
              data-testid="catalogue-subsidised-only"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NativeSelect
              label={t('catalogue.filters.sort')}
              value={query.sort}
              onChange={(e) => onChange({ sort: e.currentTarget.value as CatalogueSort })}
              data={sorts.map((s) => ({ value: s, label: t(`catalogue.sort.${s}`) }))}
              data-testid="catalogue-sort"
            />
          </Grid.Col>
        </Grid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {range
              ? t('catalogue.filters.priceRange', {
                  min: formatFen(range.minFen, language),
                  max: formatFen(range.maxFen, language),
                })
              : ' '}
          </Text>
          {filtered ? (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setPriceDraft({ min: '', max: '' });
                onChange({
                  kind: undefined,
                  gpu: undefined,
                  provider: undefined,
                  minYuan: undefined,
                  maxYuan: undefined,
                  subsidisedOnly: false,
                });
              }}
              data-testid="catalogue-reset"
            >
              {t('catalogue.filters.reset')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
