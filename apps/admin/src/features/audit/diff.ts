export type DiffChange = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  /** Dotted path of the field, e.g. `verifiedAt` or `tiers[2].payBps`. */
  path: string;
  before: string | undefined;
  after: string | undefined;
  change: DiffChange;
}

/** The audit log stores before/after as JSON text; anything that is not JSON is shown as one plain value. */
export function parseSnapshot(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (Array.isArray(value) && value.length > 0) {
    for (const [i, item] of value.entries()) flatten(item, `${prefix}[${i}]`, out);
    return;
  }
  if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (value === undefined) return;
  out.set(prefix || '·', typeof value === 'string' ? value : JSON.stringify(value));
}

/** Field-by-field comparison of two snapshots, in the order the fields first appear (before, then after). */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(parseSnapshot(before), '', a);
  flatten(parseSnapshot(after), '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const x = a.get(path);
    const y = b.get(path);
    const change: DiffChange =
      x === undefined ? 'added' : y === undefined ? 'removed' : x === y ? 'same' : 'changed';
    return { path, before: x, after: y, change };
  });
}
