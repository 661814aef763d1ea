import { REASON_TEXTS, type ReasonCode } from '@nanshan/rules';
import { pickText, type UiMessages, uiZhCN, useLanguage } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';

function isRulesReason(code: string): code is ReasonCode {
  return Object.hasOwn(REASON_TEXTS, code);
}

function isUiReason(code: string): code is keyof UiMessages['errors']['reason'] {
  return Object.hasOwn(uiZhCN.errors.reason, code);
}

/**
 * Why a quote has less (or no) subsidy. Policy reasons are worded once, in the rules package next to the article
 * they cite; reasons the API adds (e.g. an unverified enterprise) are in the shared UI strings.
 */
export function useReasonText(): (code: string) => string {
  const language = useLanguage();
  const { t } = useTranslation('ui');
  return (code) => {
    if (isRulesReason(code)) return pickText(REASON_TEXTS[code], language);
    if (isUiReason(code)) return t(`errors.reason.${code}`);
    return t('errors.withCode', { code });
  };
}
