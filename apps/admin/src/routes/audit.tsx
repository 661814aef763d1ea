import { Autocomplete, Badge, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuditTable } from '../features/audit/AuditTable';
import { AuditVerifyButton, AuditVerifyResult, useAuditVerify } from '../features/audit/AuditVerifyButton';
import { ACTION_PREFIXES, TARGET_TYPES } from '../features/audit/targets';
import { PagedResults } from '../features/common/PagedResults';
import { PageHeader } from '../features/common/PageHeader';
import type { AuditListInput } from '../lib/api-types';
import { pageFrom, useDebouncedParam, useSearchState } from '../lib/use-search-state';

const PAGE_SIZE = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every admin and money-moving action, filterable; each entry opens to its before / after; the chain can be verified. */
export function AuditRoute() {
  const { t } = useTranslation();
  const [params, update] = useSearchState();
  const page = pageFrom(params.get('page'));
  const [action, setAction] = useDebouncedParam('action', params, update, 400);
  const [targetType, setTargetType] = useDebouncedParam('targetType', params, update, 400);
  const [targetId, setTargetId] = useDebouncedParam('targetId', params, update, 400);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const actor = params.get('actor');

  const input: AuditListInput = {
    page,
    pageSize: PAGE_SIZE,
    ...(params.get('action') ? { actionPrefix: params.get('action') ?? '' } : {}),
    ...(params.get('targetType') ? { targetType: params.get('targetType') ?? '' } : {}),
    ...(params.get('targetId') ? { targetId: params.get('targetId') ?? '' } : {}),
    ...(ISO_DATE.test(from) ? { fromDate: from } : {}),
    ...(ISO_DATE.test(to) ? { toDate: to } : {}),
    ...(actor ? { actorUserId: actor } : {}),
  };
  const list = useQuery(trpc.admin.audit.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const verify = useAuditVerify();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={<AuditVerifyButton verify={verify} />}
      />
      <AuditVerifyResult verify={verify} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Autocomplete
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.actionPlaceholder')}
          data={[...ACTION_PREFIXES]}
          value={action}
          onChange={setAction}
          w={{ base: '100%', xs: 200 }}
          data-testid="audit-filter-action"
        />
        <Autocomplete
          label={t('audit.filters.targetType')}
          data={[...TARGET_TYPES]}
          value={targetType}
          onChange={setTargetType}
          w={{ base: '100%', xs: 180 }}
          data-testid="audit-filter-target-type"
        />
        <TextInput
          label={t('audit.filters.targetId')}
          value={targetId}
          onChange={(e) => setTargetId(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
          data-testid="audit-filter-target-id"
        />
        <TextInput
          type="date"
          label={t('audit.filters.from')}
          value={from}
          onChange={(e) => update({ from: e.currentTarget.value || null, page: null })}
          w={{ base: '100%', xs: 160 }}
          data-testid="audit-filter-from"
        />
        <TextInput
          type="date"
          label={t('audit.filters.to')}
          value={to}
          onChange={(e) => update({ to: e.currentTarget.value || null, page: null })}
          error={from && to && from > to ? t('audit.filters.toBeforeFrom') : undefined}
          w={{ base: '100%', xs: 160 }}
          data-testid="audit-filter-to"
        />
      </Group>
      {actor ? (
        <Group gap="xs">
          <Text size="sm">{t('audit.filters.actor')}</Text>
          <Badge
            variant="light"
            tt="none"
            rightSection={
              <CloseButton
                size="xs"
                onClick={() => update({ actor: null, actorName: null, page: null })}
                aria-label={t('audit.filters.clearActor')}
                data-testid="audit-filter-actor-clear"
              />
            }
            data-testid="audit-filter-actor"
          >
            {params.get('actorName') ?? actor}
          </Badge>
        </Group>
      ) : null}
      <PagedResults
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        update={update}
        emptyText={t('audit.empty')}
        totalText={(count) => t('audit.total', { count })}
        testId="audit"
        skeletonRows={10}
      >
        {(items) => (
          <AuditTable
            items={items}
            onActor={(e) => update({ actor: e.actorUserId, actorName: e.actorName, page: null })}
          />
        )}
      </PagedResults>
    </Stack>
  );
}
