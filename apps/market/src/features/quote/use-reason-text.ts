import { REASON_TEXTS, type ReasonCode } from '@nanshan/rules';
import { pickText, type UiMessages, uiZhCN, useLanguage } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-CN';

function isRulesReason(code: string): code is ReasonCode {
  return Object.hasOwn(REASON_TEXTS, code);
}

function isUiReason(code: string): code is keyof UiMessages['errors']['reason'] {
  return Object.hasOwn(uiZhCN.errors.reason, code);
}

function isMarketReason(code: string): code is keyof typeof zhCN.errors.reason {
  return Object.hasOwn(zhCN.errors.reason, code);
}

/**
 * Why a quote (or an eligibility check) has less or no subsidy. Policy reasons are worded once, in the rules package
 * next to the article they cite; reasons the API adds (an unverified enterprise, not a tenant) are in the shared UI
 * strings or the market's own.
 */
export function useReasonText(): (code: string) => string {
  const language = useLanguage();
  const { t } = useTranslation('ui');
  const { t: tm } = useTranslation();
  return (code) => {
    if (isRulesReason(code)) return pickText(REASON_TEXTS[code], language);
    if (isMarketReason(code)) return tm(`errors.reason.${code}`);
    if (isUiReason(code)) return t(`errors.reason.${code}`);
    return t('errors.withCode', { code });
  };
}
