/**
 * Nanshan's rule-based (核准类) procedure (DOMAIN-NOTES): the main path an application walks, and the detours that
 * leave it. The stepper shows the main path; a detour is drawn on the step where it happened.
 */
export const GRANT_STEPS = [
  'submitted',
  'formal_check',
  'bureau_review',
  'funding_plan',
  'verification',
  'public_notice',
  'decided',
  'paid',
] as const;
export type GrantStep = (typeof GRANT_STEPS)[number];

export const GRANT_DETOURS = ['info_requested', 'rejected', 'withdrawn'] as const;
export type GrantDetour = (typeof GRANT_DETOURS)[number];
export type GrantStatus = GrantStep | GrantDetour;

export const GRANT_STATUSES: readonly GrantStatus[] = [...GRANT_STEPS, ...GRANT_DETOURS];

export function isGrantStep(status: string): status is GrantStep {
  return (GRANT_STEPS as readonly string[]).includes(status);
}

export function isGrantStatus(status: string): status is GrantStatus {
  return (GRANT_STATUSES as readonly string[]).includes(status);
}

export interface StepperState {
  /** Index in GRANT_STEPS of the step the application is at (or left the path from). */
  active: number;
  /** Set when the application is off the main path. */
  detour: GrantDetour | null;
  /** True once paid: every step is complete. */
  complete: boolean;
}

/**
 * Where the stepper stands. On a detour the step is the last main-path state in the history (events oldest
 * first), so "information requested during bureau review" is drawn on bureau review.
 */
export function stepperState(
  status: string,
  history: readonly { fromStatus: string | null; toStatus: string }[] = [],
): StepperState {
  if (isGrantStep(status)) {
    const active = GRANT_STEPS.indexOf(status);
    return { active, detour: null, complete: status === 'paid' };
  }
  const detour = (GRANT_DETOURS as readonly string[]).includes(status) ? (status as GrantDetour) : null;
  let last: GrantStep = 'submitted';
  for (const e of history) {
    if (isGrantStep(e.toStatus)) last = e.toStatus;
    else if (e.fromStatus && isGrantStep(e.fromStatus)) last = e.fromStatus;
  }
  return { active: GRANT_STEPS.indexOf(last), detour, complete: false };
}
