/** Audited target types and the admin page that shows each (when there is one). */
export const TARGET_TYPES = [
  'enterprise',
  'provider',
  'grant_application',
  'fund_year',
  'order',
  'parameter_segment',
  'payout_batch',
  'offering',
  'incubator_space',
  'tenancy',
  'compute_pool',
] as const;

/** Action families for the filter (an action prefix); a full action name can be typed too. */
export const ACTION_PREFIXES = [
  'enterprise.',
  'provider.',
  'grant.',
  'fund.',
  'order.',
  'parameter.',
  'settlement.',
  'incubator.',
] as const;

export function targetLink(targetType: string, targetId: string): string | null {
  switch (targetType) {
    case 'enterprise':
      return `/enterprises/${targetId}`;
    case 'provider':
      return `/providers/${targetId}`;
    case 'grant_application':
      return `/grants/${targetId}`;
    case 'payout_batch':
      return `/settlement/batches/${targetId}`;
    case 'fund_year':
      return `/fund?year=${targetId}`;
    case 'parameter_segment':
      return '/parameters';
    case 'incubator_space':
    case 'tenancy':
      return '/incubator';
    case 'compute_pool':
      return '/incubator?tab=pool';
    default:
      return null;
  }
}
