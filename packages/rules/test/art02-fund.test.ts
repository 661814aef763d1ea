import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundFit } from '../src/index';

describe('fundFit (Art. 2)', () => {
  it.each([
    [{ budgetFen: 1000, committedFen: 300, reservedFen: 200, requestedFen: 400 }, 400, 100],
    [{ budgetFen: 1000, committedFen: 300, reservedFen: 200, requestedFen: 500 }, 500, 0],
    [{ budgetFen: 1000, committedFen: 300, reservedFen: 200, requestedFen: 501 }, 500, 0],
    [{ budgetFen: 1000, committedFen: 900, reservedFen: 200, requestedFen: 1 }, 0, 0],
    [{ budgetFen: 0, committedFen: 0, reservedFen: 0, requestedFen: 0 }, 0, 0],
  ])('%o', (input, fits, left) => {
    const result = fundFit(input);
    expect(result.fitsFen).toBe(fits);
    expect(result.leftFen).toBe(left);
    expect(result.trace[0]?.article).toBe('第二条');
  });

  it('never fits more than requested or than the fund has uncommitted and unreserved', () => {
    const fen = fc.integer({ min: 0, max: 2 ** 50 });
    fc.assert(
      fc.property(fen, fen, fen, fen, (budgetFen, committedFen, reservedFen, requestedFen) => {
        const { fitsFen, leftFen } = fundFit({ budgetFen, committedFen, reservedFen, requestedFen });
        expect(fitsFen).toBeLessThanOrEqual(requestedFen);
        expect(committedFen + reservedFen + fitsFen <= budgetFen || fitsFen === 0).toBe(true);
        expect(leftFen).toBeGreaterThanOrEqual(0);
        expect(fitsFen + leftFen).toBe(Math.max(0, budgetFen - committedFen - reservedFen));
      }),
    );
  });

  it('rejects amounts that are not integer fen', () => {
    expect(() => fundFit({ budgetFen: 1.5, committedFen: 0, reservedFen: 0, requestedFen: 0 })).toThrow(
      RangeError,
    );
    expect(() => fundFit({ budgetFen: 1, committedFen: -1, reservedFen: 0, requestedFen: 0 })).toThrow(
      RangeError,
    );
  });
});
