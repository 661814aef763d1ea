import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';

describe('diffSnapshots', () => {
  it('compares JSON snapshots field by field, nested paths dotted', () => {
    const rows = diffSnapshots(
      JSON.stringify({ verifiedAt: null, verifiedBy: null, tiers: [{ payBps: 0 }] }),
      JSON.stringify({
        verifiedAt: '2026-11-28T10:00:00.000Z',
        verifiedBy: null,
        reason: 'ok',
        tiers: [{ payBps: 3000 }],
      }),
    );
    expect(rows).toEqual([
      { path: 'verifiedAt', before: 'null', after: '2026-11-28T10:00:00.000Z', change: 'changed' },
      { path: 'verifiedBy', before: 'null', after: 'null', change: 'same' },
      { path: 'tiers[0].payBps', before: '0', after: '3000', change: 'changed' },
      { path: 'reason', before: undefined, after: 'ok', change: 'added' },
    ]);
  });

  it('handles a missing side and non-JSON text', () => {
    expect(diffSnapshots(null, '{"a":1}')).toEqual([
      { path: 'a', before: undefined, after: '1', change: 'added' },
    ]);
    expect(diffSnapshots('plain text', null)).toEqual([
      { path: '·', before: 'plain text', after: undefined, change: 'removed' },
    ]);
    expect(diffSnapshots(undefined, undefined)).toEqual([]);
  });
});
