import { describe, expect, it } from 'vitest';
import { displayEventKind, isOpenGrant, stepperState } from './workflow';

describe('stepperState', () => {
  it('follows the main path', () => {
    expect(stepperState('submitted')).toEqual({ active: 0, detour: null, complete: false });
    expect(stepperState('public_notice')).toEqual({ active: 5, detour: null, complete: false });
    expect(stepperState('paid')).toEqual({ active: 7, detour: null, complete: true });
  });

  it('draws a detour on the step it left from', () => {
    const history = [
      { fromStatus: null, toStatus: 'submitted' },
      { fromStatus: 'submitted', toStatus: 'formal_check' },
      { fromStatus: 'formal_check', toStatus: 'bureau_review' },
      { fromStatus: 'bureau_review', toStatus: 'info_requested' },
    ];
    expect(stepperState('info_requested', history)).toEqual({
      active: 2,
      detour: 'info_requested',
      complete: false,
    });
    expect(stepperState('rejected', history.slice(0, 2))).toEqual({
      active: 1,
      detour: 'rejected',
      complete: false,
    });
    expect(stepperState('withdrawn')).toEqual({ active: 0, detour: 'withdrawn', complete: false });
    const decided = [
      { fromStatus: 'public_notice', toStatus: 'decided' },
      { fromStatus: 'decided', toStatus: 'revoked' },
    ];
    expect(stepperState('revoked', decided)).toEqual({ active: 6, detour: 'revoked', complete: false });
  });
});

describe('isOpenGrant', () => {
  it('is open until decided, and while information is asked for', () => {
    expect(['submitted', 'verification', 'public_notice', 'info_requested'].map(isOpenGrant)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['decided', 'paid', 'rejected', 'withdrawn', 'revoked'].map(isOpenGrant)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('displayEventKind', () => {
  it('names an event reaching an outcome after the outcome', () => {
    expect(displayEventKind({ kind: 'responded', fromStatus: 'info_requested', toStatus: 'rejected' })).toBe(
      'rejected',
    );
    expect(
      displayEventKind({ kind: 'responded', fromStatus: 'info_requested', toStatus: 'formal_check' }),
    ).toBe('responded');
    expect(
      displayEventKind({ kind: 'objection_raised', fromStatus: 'public_notice', toStatus: 'public_notice' }),
    ).toBe('objection_raised');
    expect(displayEventKind({ kind: 'revoked', fromStatus: 'decided', toStatus: 'revoked' })).toBe('revoked');
  });
});
