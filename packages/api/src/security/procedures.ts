import { z } from 'zod';
import { appRouter } from '../root';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation';
  /** The procedure's input parsers (chained `.input()` calls are merged by tRPC), empty when it takes none. */
  inputs: z.ZodType[];
}

/** Every procedure of the app router, read from the router itself so a new one is never left out. */
export function allProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } }
  >;
  return Object.entries(procedures)
    .map(([path, p]) => ({ path, type: p._def.type, inputs: p._def.inputs }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The JSON Schema of a procedure's input as a client sends it (defaults optional). */
export function inputJsonSchema(procedure: ProcedureInfo): Record<string, unknown> | null {
  const [input, ...more] = procedure.inputs;
  if (more.length) throw new Error(`${procedure.path}: chained .input() parsers are not described here`);
  if (!input) return null;
  return z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Calls `path` (e.g. `admin.grants.get`) on a tRPC caller. */
export function callProcedure(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
