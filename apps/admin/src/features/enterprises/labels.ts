import type { MantineColor } from '@mantine/core';
import { LEGAL_STATUSES, SME_INDUSTRIES } from '@nanshan/rules';
import type { District, VerificationStatus } from '../../lib/api-types';

/** Shenzhen's districts as the API stores them (Chinese names), plus "outside Shenzhen". */
export const DISTRICTS: readonly District[] = [
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
  'outside_shenzhen',
];

export const VERIFICATION_STATUSES: readonly VerificationStatus[] = [
  'pending',
  'verified',
  'rejected',
  'revoked',
];

export const VERIFICATION_COLORS: Record<VerificationStatus, MantineColor> = {
  pending: 'yellow',
  verified: 'teal',
  rejected: 'red',
  revoked: 'gray',
};

export { LEGAL_STATUSES, SME_INDUSTRIES };
