import { SME_INDUSTRIES, type SmeIndustry } from '@nanshan/rules';
import { useTranslation } from 'react-i18next';
import type { District } from '../../lib/api-types';
import { DISTRICTS } from './labels';

function isDistrict(value: string): value is District {
  return (DISTRICTS as readonly string[]).includes(value);
}

function isIndustry(value: string): value is SmeIndustry {
  return (SME_INDUSTRIES as readonly string[]).includes(value);
}

/** District and industry names in the current language; an unknown stored code is shown as it is. */
export function useEnterpriseLabels() {
  const { t } = useTranslation();
  return {
    district: (code: string) => (isDistrict(code) ? t(`district.${code}`) : code),
    industry: (code: string) => (isIndustry(code) ? t(`industry.${code}`) : code),
  };
}
