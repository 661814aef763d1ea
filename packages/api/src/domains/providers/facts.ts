import { z } from 'zod';

export const PROVIDER_KINDS = ['computing_centre', 'cloud_vendor'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_STATUSES = ['pending', 'approved', 'filed', 'suspended', 'revoked'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** What a provider states when it registers; validated here, the 统一社会信用代码 by the rules package. */
export const providerFacts = {
  name: z.string().trim().min(2).max(200),
  kind: z.enum(PROVIDER_KINDS),
  city: z.string().trim().min(2).max(100),
  inShenzhen: z.boolean(),
  contactName: z.string().trim().min(1).max(100),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, 'phone'),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  address: z.string().trim().min(2).max(300),
  description: z.string().trim().max(4000).default(''),
};

/**
 * Whether a stated city is Shenzhen (深圳 / Shenzhen, with or without 市). The flag `inShenzhen` decides the
 * Art. 6 subsidy, so it must agree with the city the provider names.
 */
export function cityIsShenzhen(city: string): boolean {
  return /深圳|shenzhen/i.test(city);
}
