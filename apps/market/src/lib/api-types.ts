import type { trpc } from '@nanshan/ui/api-client';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';

export type Me = inferOutput<typeof trpc.session.me>;
export type Offering = inferOutput<typeof trpc.offerings.list>['items'][number];
export type Quote = inferOutput<typeof trpc.orders.quote>;
export type OrderListItem = inferOutput<typeof trpc.orders.mine>[number];
export type OrderDetail = inferOutput<typeof trpc.orders.get>;
export type Receipt = inferOutput<typeof trpc.orders.receipt>;

export type EnterpriseOptions = inferOutput<typeof trpc.enterprises.options>;
export type EnterpriseProfile = NonNullable<inferOutput<typeof trpc.enterprises.mine>>;
export type EnterpriseEligibility = inferOutput<typeof trpc.enterprises.eligibility>;
export type EnterpriseMember = inferOutput<typeof trpc.enterprises.members>[number];

export type SubsidySummary = inferOutput<typeof trpc.subsidy.summary>;
export type MonthlyGranted = inferOutput<typeof trpc.subsidy.monthly>;

export type Incubator = NonNullable<inferOutput<typeof trpc.incubator.mine>>;
export type IncubatorPool = Incubator['pools'][number];

export type ProviderProfile = NonNullable<inferOutput<typeof trpc.providers.mine>>;
export type FilingChecklistItem = ProviderProfile['checklist'][number];
export type ProviderOffering = inferOutput<typeof trpc.offerings.mine>[number];
export type ProviderOrder = inferOutput<typeof trpc.providerOrders.list>['items'][number];
export type ProviderRevenue = inferOutput<typeof trpc.providerOrders.summary>;
export type CatalogueFacets = inferOutput<typeof trpc.offerings.facets>;

export type GrantListItem = inferOutput<typeof trpc.grants.mine>[number];
export type GrantApplication = inferOutput<typeof trpc.grants.get>;
export type GrantEvent = GrantApplication['events'][number];
export type GrantNotice = inferOutput<typeof trpc.grants.notices>[number];
export type GrantInput = inferInput<typeof trpc.grants.submit>;
export type GrantEvidenceInput = inferInput<typeof trpc.grants.uploadDocument>;
export type GrantEvidence = inferOutput<typeof trpc.grants.uploadDocument>;
