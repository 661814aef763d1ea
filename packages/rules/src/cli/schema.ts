/**
 * A small hand-written validator for evaluation cases and parameter overrides (the package has no dependencies). Each check returns the
 * typed value or throws a CaseError naming the path; objects are strict, so a misspelt field is an error rather
 * than silently ignored.
 */
import { type IsoDate, isIsoDate } from '../dates';

export class CaseError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CaseError';
  }
}

export type Check<T> = (value: unknown, path: string) => T;
type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

export const bool: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new CaseError(path, 'expected true or false');
  return value;
};

export const fen: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new CaseError(
      path,
      'expected an amount in integer fen (a whole number from 0 to 9007199254740991)',
    );
  }
  return value;
};

export const count: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new CaseError(path, 'expected a whole number, 0 or more');
  }
  return value;
};

export const text: Check<string> = (value, path) => {
  if (typeof value !== 'string' || value.length === 0)
    throw new CaseError(path, 'expected a non-empty string');
  return value;
};

export const date: Check<IsoDate> = (value, path) => {
  if (!isIsoDate(value)) throw new CaseError(path, "expected a calendar date 'YYYY-MM-DD'");
  return value;
};

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw new CaseError(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    return value as T;
  };
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

export function arrayOf<T>(check: Check<T>): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new CaseError(path, 'expected an array');
    return value.map((item, index) => check(item, `${path}[${index}]`));
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A strict object: every field checked, unknown fields rejected, absent optional fields left out. */
export function object<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, path) => {
    if (!isRecord(value)) throw new CaseError(path, 'expected an object');
    for (const key of Object.keys(value)) {
      if (!(key in shape)) {
        const known = Object.keys(shape).join(', ');
        throw new CaseError(join(path, key), `unknown field (expected only: ${known})`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(value[key], join(path, key));
      if (checked !== undefined) out[key] = checked;
    }
    return out as Checked<S>;
  };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
