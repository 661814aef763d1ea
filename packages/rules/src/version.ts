import { SME_TABLE } from './eligibility/sme-classification';
import { canonicalJson, fnv1a64 } from './hash';
import { PARAMS } from './params/table';
import { MEASURES_IN_FORCE } from './params/validity';

/** The version of this encoding of the measures; bump it with every change to rules or parameters. */
export const RULESET_VERSION = 'nanshan-ai-measures-2024@0.1.0';

/**
 * A hash of every value a decision can depend on (the parameter table, the validity window, the SME table). Stored
 * with each decision, it lets an auditor check that a replay runs against the same values.
 */
export const PARAMS_HASH = fnv1a64(
  canonicalJson({ params: PARAMS, validity: MEASURES_IN_FORCE, sme: SME_TABLE }),
);
