import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from './trpc';

export type Me = inferOutput<typeof trpc.session.me>;
export type FundSummary = inferOutput<typeof trpc.admin.fund.summary>;
export type AdminOrder = inferOutput<typeof trpc.admin.orders.list>['items'][number];
