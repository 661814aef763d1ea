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

function isAdminReason(code: string): code is keyof typeof zhCN.errors.reason {
  return Object.hasOwn(zhCN.errors.reason, code);
}

/**
 * Why an enterprise or an application does not qualify. Policy reasons are worded once, in the rules package next
 * to the article they cite; reasons the platform adds are in the admin or shared strings; an unknown code is shown
 * as a code, never as server text.
 */
export function useReasonText(): (code: string) => string {
  const language = useLanguage();
  const { t } = useTranslation();
  const { t: tUi } = useTranslation('ui');
  return (code) => {
    if (isRulesReason(code)) return pickText(REASON_TEXTS[code], language);
    if (isAdminReason(code)) return t(`errors.reason.${code}`);
    if (isUiReason(code)) return tUi(`errors.reason.${code}`);
    return tUi('errors.withCode', { code });
  };
}
