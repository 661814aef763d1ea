/**
 * 第六条 对开展大模型训练、生成式人工智能应用探索的中小科技企业……予以支持。
 * Art. 6 supports "small and medium technology enterprises". Three proofs are accepted, tried in this order:
 *  1. listed in the national 科技型中小企业 registry (国科发政〔2017〕115号) — a technology SME by definition;
 *  2. facts classified under 《中小企业划型标准规定》 (2011) — when facts are given they decide, even against a
 *     declaration, because they are the evidence a reviewer checks;
 *  3. a declaration (`isSme: true`) that staff verified, when no facts are given.
 * "Technology" is taken as shown by being an AI enterprise (Art. 3) doing the Art. 6 activities.
 */
import type { Evaluation } from '../evaluation';
import type { SmeProof } from '../messages';
import { sharedStep, type TraceStep } from '../trace';
import type { Applicant } from './applicant';
import { classificationStep, smeSize } from './sme-classification';

const PROOF_STEPS = Object.fromEntries(
  (['tech_sme_registry', 'classification', 'declared', 'none'] as const).map((proof) => [
    proof,
    {
      met: sharedStep('sme_proof', '第六条', { proof, ok: true }),
      unmet: sharedStep('sme_proof', '第六条', { proof, ok: false }),
    },
  ]),
) as Record<SmeProof, { met: TraceStep; unmet: TraceStep }>;

export function checkSmallOrMediumTech(applicant: Applicant, evaluation: Evaluation): boolean {
  let proof: SmeProof = 'none';
  let ok = false;
  if (applicant.techSmeRegistered === true) {
    proof = 'tech_sme_registry';
    ok = true;
  } else if (applicant.sme !== undefined) {
    const size = smeSize(applicant.sme);
    evaluation.trace.push(classificationStep(applicant.sme, size));
    proof = 'classification';
    ok = size !== 'large';
  } else if (applicant.isSme === true) {
    proof = 'declared';
    ok = true;
  }
  const steps = PROOF_STEPS[proof];
  evaluation.trace.push(ok ? steps.met : steps.unmet);
  if (!ok) evaluation.fail('not_sme');
  return ok;
}
