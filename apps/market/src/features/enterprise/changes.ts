/**
 * What an owner changed in the profile form: only those fields go to `enterprises.update`, so an unchanged profile
 * is never "saved" and staff see exactly what moved in the audit log.
 */
export function changedFacts<T extends object>(current: { [K in keyof T]?: unknown }, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (next[key] !== current[key]) changes[key] = next[key];
  }
  return changes;
}
