import type { MantineColor } from '@mantine/core';

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

export const GRANT_DETOURS = ['info_requested', 'rejected', 'withdrawn', 'revoked'] as const;
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

/** One colour per status, the same in both apps. */
export const GRANT_STATUS_COLORS: Record<GrantStatus, MantineColor> = {
  submitted: 'yellow',
  formal_check: 'yellow',
  bureau_review: 'yellow',
  funding_plan: 'yellow',
  verification: 'yellow',
  public_notice: 'violet',
  decided: 'teal',
  paid: 'green',
  rejected: 'red',
  info_requested: 'orange',
  withdrawn: 'gray',
  revoked: 'red',
};

/** Statuses that end (or settle) an application: an event reaching one is named after it whatever it came from. */
const OUTCOMES: ReadonlySet<string> = new Set(['rejected', 'withdrawn', 'decided', 'paid', 'revoked']);

/**
 * An event's kind for display. The API names an event leaving `info_requested` "responded" even when staff rejected
 * the application from there; an event that reaches an outcome is named after the outcome.
 */
export function displayEventKind<K extends string>(e: {
  kind: K;
  fromStatus: string | null;
  toStatus: string;
}): K | 'rejected' | 'withdrawn' | 'decided' | 'paid' | 'revoked' {
  if (e.fromStatus !== e.toStatus && OUTCOMES.has(e.toStatus)) {
    return e.toStatus as 'rejected' | 'withdrawn' | 'decided' | 'paid' | 'revoked';
  }
  return e.kind;
}

/** Nothing decided yet (the API's OPEN_STATES): the applicant may still withdraw. */
export function isOpenGrant(status: string): boolean {
  const step = GRANT_STEPS.indexOf(status as GrantStep);
  return status === 'info_requested' || (step >= 0 && step <= GRANT_STEPS.indexOf('public_notice'));
}
