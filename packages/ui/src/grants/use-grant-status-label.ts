import { useTranslation } from 'react-i18next';
import type { GrantStatus } from './workflow';

/** Who reads an application's status: the enterprise that applied (market) or the bureau's staff (admin). */
export type GrantAudience = 'applicant' | 'staff';

/**
 * The words for an application's status in the current language (namespace `ui`, `grantStatus`). Staff read the
 * `_staff` variant where there is one (i18next context): the step named by what they do (拟定资助计划, 已驳回).
 */
export function useGrantStatusLabel(audience: GrantAudience): (status: GrantStatus) => string {
  const { t } = useTranslation('ui');
  const context = audience === 'staff' ? 'staff' : undefined;
  return (status) => t(`grantStatus.${status}`, { context });
}
