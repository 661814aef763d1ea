/**
 * 第十五条 ……本措施与南山区其他同类扶持措施，由申报主体按照从高不重复原则选择适用。
 * Art. 15: where these measures and other similar Nanshan measures overlap for the same project or expense, one
 * applies — the higher (从高不重复, "the higher applies, no duplication"). Given the candidate awards, this keeps the
 * highest per project and marks every other candidate for that project excluded, with the reason and the winner.
 * Between equal amounts the applicant chooses (`preferred`); without a choice the first listed is kept.
 */
import { assertFen, type Fen } from './money';
import { step, type TraceStep } from './trace';

export interface AwardCandidate {
  /** Identifies the candidate in the result, e.g. 'art6' or 'district-measure-X/3'. */
  id: string;
  /** The project or expense the award is for (the duplicate key: subject + contract/invoice + period + family). */
  project: string;
  amountFen: Fen;
  /** The applicant's choice among equal amounts. */
  preferred?: boolean;
}

export type ExclusionReason = 'lower_amount' | 'equal_amount_not_chosen';

export interface NonDuplication<C extends AwardCandidate> {
  /** One candidate per project: the award that applies. */
  chosen: C[];
  excluded: { candidate: C; reason: ExclusionReason; chosenId: string }[];
  trace: TraceStep[];
}

function beats(a: AwardCandidate, b: AwardCandidate): boolean {
  if (a.amountFen !== b.amountFen) return a.amountFen > b.amountFen;
  return a.preferred === true && b.preferred !== true;
}

export function applyHighestNoDuplication<C extends AwardCandidate>(
  candidates: readonly C[],
): NonDuplication<C> {
  const best = new Map<string, C>();
  for (const candidate of candidates) {
    assertFen(candidate.amountFen, `amountFen of ${candidate.id}`);
    const current = best.get(candidate.project);
    if (current === undefined || beats(candidate, current)) best.set(candidate.project, candidate);
  }
  const result: NonDuplication<C> = { chosen: [], excluded: [], trace: [] };
  for (const candidate of candidates) {
    const winner = best.get(candidate.project) as C;
    if (winner === candidate) {
      result.chosen.push(candidate);
      result.trace.push(
        step('non_duplication', '第十五条', {
          candidate: candidate.id,
          amountFen: candidate.amountFen,
          chosen: true,
          over: '',
        }),
      );
    } else {
      const reason = candidate.amountFen < winner.amountFen ? 'lower_amount' : 'equal_amount_not_chosen';
      result.excluded.push({ candidate, reason, chosenId: winner.id });
      result.trace.push(
        step('non_duplication', '第十五条', {
          candidate: candidate.id,
          amountFen: candidate.amountFen,
          chosen: false,
          over: winner.id,
        }),
      );
    }
  }
  return result;
}
