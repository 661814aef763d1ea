/**
 * Above this amount a grant is decided only when two different staff members approve it (four-eyes principle):
 * 1,000,000 yuan, in fen. An amount exactly at the threshold needs one approval.
 */
export const TWO_PERSON_APPROVAL_ABOVE_FEN = 100_000_000;

/** Overrides the threshold, in whole yuan (e.g. `500000`); read on every approval. */
export const TWO_PERSON_APPROVAL_ENV = 'GRANT_TWO_PERSON_APPROVAL_ABOVE_YUAN';

/** The threshold in force; a malformed override stops approvals rather than silently using the default. */
export function twoPersonApprovalAboveFen(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TWO_PERSON_APPROVAL_ENV]?.trim();
  if (raw === undefined || raw === '') return TWO_PERSON_APPROVAL_ABOVE_FEN;
  const fen = /^\d+$/.test(raw) ? Number(raw) * 100 : Number.NaN;
  if (!Number.isSafeInteger(fen)) {
    throw new Error(`${TWO_PERSON_APPROVAL_ENV} must be a whole number of yuan, got "${raw}"`);
  }
  return fen;
}
