import { pickText, useLanguage } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-CN';
import type { EnterpriseOptions } from '../../lib/api-types';

type Industry = keyof typeof zhCN.enterprise.industries;
type LegalStatus = keyof typeof zhCN.enterprise.legalStatus;
type AiActivity = keyof typeof zhCN.enterprise.aiActivity;

function isIn<K extends string>(table: Record<K, unknown>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/** Words for the profile's coded facts in the current language; an unknown code is shown as the server sent it. */
export function useEnterpriseLabels(options?: EnterpriseOptions) {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    industry: (code: string) => {
      if (isIn<Industry>(zhCN.enterprise.industries, code)) return t(`enterprise.industries.${code}`);
      return options?.industries.find((i) => i.value === code)?.zh ?? code;
    },
    legalStatus: (code: string) =>
      isIn<LegalStatus>(zhCN.enterprise.legalStatus, code) ? t(`enterprise.legalStatus.${code}`) : code,
    aiActivity: (code: string) =>
      isIn<AiActivity>(zhCN.enterprise.aiActivity, code) ? t(`enterprise.aiActivity.${code}`) : code,
    district: (code: string) => {
      const option = options?.districts.find((d) => d.value === code);
      return option ? pickText(option, language) : code;
    },
  };
}
