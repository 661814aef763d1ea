/**
 * 第二条 ……本措施资金量受区科技创新局分项资金总量控制，但在资金总量控制范围内可适当调整。
 * Art. 2: money paid under these measures is limited by the bureau's sub-fund total. A subsidy fits only as far as
 * the fund has money neither committed (decided) nor reserved (held for pending orders and applications).
 */
import { assertFen, type Fen, leftOf, minFen } from './money';
import { step, type TraceStep } from './trace';

export interface FundState {
  budgetFen: Fen;
  committedFen: Fen;
  /** Held for pending decisions; must not include a reservation for the request being decided. */
  reservedFen: Fen;
}

/**
 * How much of `requestedFen` the fund can take: `fitsFen` = min(requested, budget − committed − reserved), and
 * `leftFen` = what the fund has left once `fitsFen` is taken. An over-committed fund has nothing left (never a
 * negative amount).
 */
export function fundFit(input: FundState & { requestedFen: Fen }): {
  fitsFen: Fen;
  leftFen: Fen;
  trace: TraceStep[];
} {
  assertFen(input.budgetFen, 'budgetFen');
  assertFen(input.committedFen, 'committedFen');
  assertFen(input.reservedFen, 'reservedFen');
  assertFen(input.requestedFen, 'requestedFen');
  const availableFen = leftOf(leftOf(input.budgetFen, input.committedFen), input.reservedFen);
  const fitsFen = minFen(input.requestedFen, availableFen);
  return {
    fitsFen,
    leftFen: availableFen - fitsFen,
    trace: [
      step('fund_fit', '第二条', {
        budgetFen: input.budgetFen,
        committedFen: input.committedFen,
        reservedFen: input.reservedFen,
        availableFen,
        requestedFen: input.requestedFen,
        fitsFen,
      }),
    ],
  };
}
