import { SME_TABLE } from './eligibility/sme-classification';
import { PARAMS } from './params/table';
import { MEASURES_IN_FORCE } from './params/validity';

/** The version of this encoding of the measures; bump it with every change to rules or parameters. */
export const RULESET_VERSION = 'nanshan-ai-measures-2024@0.1.0';

/** JSON with object keys sorted, so the hash does not depend on property order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits (identification, not security). */
function fnv1a64(text: string): string {
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * A hash of every value a decision can depend on (the parameter table, the validity window, the SME table). Stored
 * with each decision, it lets an auditor check that a replay runs against the same values.
 */
export const PARAMS_HASH = fnv1a64(
  canonicalJson({ params: PARAMS, validity: MEASURES_IN_FORCE, sme: SME_TABLE }),
);
