import type { trpc } from '@nanshan/ui/api-client';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';

export type Me = inferOutput<typeof trpc.session.me>;
export type FundSummary = inferOutput<typeof trpc.admin.fund.summary>;
export type AdminOrder = inferOutput<typeof trpc.admin.orders.list>['items'][number];

export type EnterpriseListInput = inferInput<typeof trpc.admin.enterprises.list>;
export type EnterpriseListItem = inferOutput<typeof trpc.admin.enterprises.list>['items'][number];
export type EnterpriseDetail = inferOutput<typeof trpc.admin.enterprises.get>;
export type VerificationStatus = EnterpriseListItem['verification']['status'];
export type District = NonNullable<EnterpriseListInput['district']>;

export type AuditEntry = inferOutput<typeof trpc.admin.audit.list>['items'][number];
export type AuditListInput = inferInput<typeof trpc.admin.audit.list>;
export type AuditVerification = inferOutput<typeof trpc.admin.audit.verify>;

export type OwedSummary = inferOutput<typeof trpc.admin.settlement.owed>;
export type OwedProvider = OwedSummary['providers'][number];
export type PayoutBatchListItem = inferOutput<typeof trpc.admin.settlement.batches>['items'][number];
export type PayoutBatch = inferOutput<typeof trpc.admin.settlement.batch>;

export type SubsidyReport = inferOutput<typeof trpc.admin.reports.subsidies>;
export type ReportGroupBy = SubsidyReport['groupBy'];
export type EnterpriseStatement = inferOutput<typeof trpc.admin.reports.enterpriseStatement>;

export type Parameter = inferOutput<typeof trpc.admin.parameters.list>[number];
export type ParameterKey = Parameter['key'];
export type StoredSegment = Parameter['stored'][number];
export type WhatIfResult = inferOutput<typeof trpc.admin.parameters.whatIf>;

export type ProviderListInput = inferInput<typeof trpc.admin.providers.list>;
export type ProviderListItem = inferOutput<typeof trpc.admin.providers.list>['items'][number];
export type ProviderDetail = inferOutput<typeof trpc.admin.providers.get>;
export type ProviderStatus = ProviderListItem['status'];
export type ProviderKind = ProviderListItem['kind'];
export type FilingItem = ProviderDetail['checklist'][number];
export type ProviderDecisionInput = inferInput<typeof trpc.admin.providers.decide>;
export type ProviderDecision = ProviderDecisionInput['decision'];

export type GrantQueueInput = inferInput<typeof trpc.admin.grants.queue>;
export type GrantQueueItem = inferOutput<typeof trpc.admin.grants.queue>['items'][number];
export type GrantDetail = inferOutput<typeof trpc.admin.grants.get>;
export type GrantArticle = GrantQueueItem['article'];
export type GrantEvent = GrantDetail['events'][number];

export type IncubatorSpace = inferOutput<typeof trpc.admin.incubator.spaces.list>[number];
export type TenancyListItem = inferOutput<typeof trpc.admin.incubator.tenancies.list>['items'][number];
export type RentStatement = inferOutput<typeof trpc.admin.incubator.rent.statement>;
export type RentLine = RentStatement['lines'][number];
export type PoolUsage = inferOutput<typeof trpc.admin.incubator.pool.usage>[number];
