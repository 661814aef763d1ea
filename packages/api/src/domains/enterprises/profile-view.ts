import { profileVersion } from './facts';
import type { EnterpriseRow } from './membership';
import type { VerificationStatus } from './verification';

/** The enterprise profile as its members and staff see it. */
export function profileView(e: EnterpriseRow, status: VerificationStatus) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    district: e.district,
    registeredInNanshan: e.registeredInNanshan,
    legalStatus: e.legalStatus as 'independent' | 'nbs_equivalent' | 'none',
    industry: e.industry,
    employees: e.employees,
    revenueFen: e.revenueFen,
    assetsFen: e.assetsFen,
    techSmeRegistered: e.techSmeRegistered,
    aiActivity: e.aiActivity as 'llm_training' | 'genai_application' | 'other',
    createdAt: e.createdAt,
    verification: { status, verifiedAt: e.verifiedAt },
    /** Staff pass it back when verifying, so what they verify is what they saw. */
    profileVersion: profileVersion(e),
  };
}
