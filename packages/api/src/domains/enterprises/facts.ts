import { createHash } from 'node:crypto';
import { LEGAL_STATUSES, SME_INDUSTRIES, SME_TABLE, validateUscc } from '@nanshan/rules';
import { z } from 'zod';
import { domainError } from '../../errors';
import type { EnterpriseRow } from './membership';

/**
 * Shenzhen's ten districts (nine administrative districts and the Dapeng New District), stored by their Chinese
 * names as the business licence writes them. Art. 3 asks for registration in Nanshan, so `registeredInNanshan`
 * is derived from the district and never typed by the user.
 */
export const SHENZHEN_DISTRICTS = [
  '福田区',
  '罗湖区',
  '盐田区',
  '南山区',
  '宝安区',
  '龙岗区',
  '龙华区',
  '坪山区',
  '光明区',
  '大鹏新区',
] as const;

const DISTRICT_EN: Record<(typeof SHENZHEN_DISTRICTS)[number], string> = {
  福田区: 'Futian',
  罗湖区: 'Luohu',
  盐田区: 'Yantian',
  南山区: 'Nanshan',
  宝安区: "Bao'an",
  龙岗区: 'Longgang',
  龙华区: 'Longhua',
  坪山区: 'Pingshan',
  光明区: 'Guangming',
  大鹏新区: 'Dapeng New District',
};

export const OUTSIDE_SHENZHEN = 'outside_shenzhen';
export const NANSHAN = '南山区';

export const DISTRICTS = [...SHENZHEN_DISTRICTS, OUTSIDE_SHENZHEN] as const;
export type District = (typeof DISTRICTS)[number];

export const AI_ACTIVITIES = ['llm_training', 'genai_application', 'other'] as const;

export function registeredInNanshanOf(district: string): boolean {
  return district === NANSHAN;
}

/** Inputs shared by registration and update; money in integer fen (invariant 1). */
const fenAmount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const enterpriseFacts = {
  name: z.string().trim().min(2).max(200),
  district: z.enum(DISTRICTS),
  legalStatus: z.enum(LEGAL_STATUSES),
  industry: z.enum(SME_INDUSTRIES),
  employees: z.number().int().min(0).max(10_000_000),
  revenueFen: fenAmount,
  assetsFen: fenAmount,
  techSmeRegistered: z.boolean(),
  aiActivity: z.enum(AI_ACTIVITIES),
};

/**
 * The columns that decide eligibility (Arts. 3, 4, 6, 9 and the SME classification). Changing any of them
 * withdraws staff verification: what staff checked is no longer what the rules would read.
 */
export const ELIGIBILITY_FACTS = [
  'district',
  'registeredInNanshan',
  'legalStatus',
  'industry',
  'employees',
  'revenueFen',
  'assetsFen',
  'techSmeRegistered',
  'aiActivity',
] as const satisfies ReadonlyArray<keyof EnterpriseRow>;

/** The columns an owner may change (the 统一社会信用代码 is the enterprise's identity and never changes). */
export const EDITABLE_FACTS = [
  'name',
  ...ELIGIBILITY_FACTS.filter((f) => f !== 'registeredInNanshan'),
] as const;

/** Validates a 统一社会信用代码 with the rules package and returns its normalised form. */
export function normalisedUscc(code: string): string {
  const check = validateUscc(code);
  if (!check.valid) throw domainError('invalid_uscc', 'BAD_REQUEST', `invalid_uscc: ${check.reason}`);
  return check.normalized;
}

/**
 * A short fingerprint of what staff look at when they verify (identity and every eligibility fact). Verification
 * names the version it saw, so a profile changed while staff were reading it is never verified unseen.
 */
export function profileVersion(e: EnterpriseRow): string {
  const facts = [e.uscc, e.name, ...ELIGIBILITY_FACTS.map((f) => e[f])];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
}

/** Choice lists for the registration form, with the codes the server accepts. */
export function enterpriseOptions() {
  return {
    districts: [
      ...SHENZHEN_DISTRICTS.map((d): { value: District; zh: string; en: string } => ({
        value: d,
        zh: d,
        en: DISTRICT_EN[d],
      })),
      { value: OUTSIDE_SHENZHEN, zh: '深圳市外', en: 'Outside Shenzhen' },
    ],
    industries: SME_TABLE.map((row) => ({ value: row.industry, zh: row.nameZh, clause: row.clause })),
    legalStatuses: [...LEGAL_STATUSES],
    aiActivities: [...AI_ACTIVITIES],
  };
}
