import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from './trpc';

export type Me = inferOutput<typeof trpc.session.me>;
export type Offering = inferOutput<typeof trpc.offerings.list>['items'][number];
export type Quote = inferOutput<typeof trpc.orders.quote>;
export type OrderListItem = inferOutput<typeof trpc.orders.mine>[number];
export type OrderDetail = inferOutput<typeof trpc.orders.get>;
