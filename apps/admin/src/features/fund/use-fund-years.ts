import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';

/** The first year the measures were in force (Art. 15: valid from 2024-04-08). */
export const FIRST_FUND_YEAR = 2024;

/** The fund years staff may look at: from 2024 to the server's current Shenzhen year, newest first. */
export function useFundYears() {
  const thisYear = useQuery(trpc.admin.fund.summary.queryOptions());
  const current = Math.max(thisYear.data?.year ?? FIRST_FUND_YEAR, FIRST_FUND_YEAR);
  const years = Array.from({ length: current - FIRST_FUND_YEAR + 2 }, (_, i) => current + 1 - i);
  return { current: thisYear.data?.year, years, pending: thisYear.isPending };
}
