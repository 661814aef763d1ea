import type { MantineColor } from '@mantine/core';
import type { ProviderDecision, ProviderKind, ProviderStatus } from '../../lib/api-types';

export const PROVIDER_STATUSES: readonly ProviderStatus[] = [
  'pending',
  'approved',
  'filed',
  'suspended',
  'revoked',
];
export const PROVIDER_KINDS: readonly ProviderKind[] = ['computing_centre', 'cloud_vendor'];

export const PROVIDER_STATUS_COLORS: Record<ProviderStatus, MantineColor> = {
  pending: 'yellow',
  approved: 'teal',
  filed: 'nanshan',
  suspended: 'orange',
  revoked: 'red',
};

/** The legal transitions (the API's ALLOWED_FROM); the buttons offer only these. */
export const ALLOWED_FROM: Record<ProviderDecision, readonly ProviderStatus[]> = {
  approve: ['pending'],
  file: ['pending', 'approved', 'filed'],
  suspend: ['approved', 'filed'],
  revoke: ['approved', 'filed'],
  reinstate: ['suspended'],
};

export const DECISIONS: readonly ProviderDecision[] = ['approve', 'file', 'suspend', 'revoke', 'reinstate'];

export const FILING_STATUS_COLORS = {
  not_submitted: 'gray',
  submitted: 'yellow',
  accepted: 'teal',
  rejected: 'red',
} as const;
