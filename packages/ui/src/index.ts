export { AppFrame, type AppFrameProps } from './components/AppFrame';
export { CapMeter, type CapMeterLabels, type CapMeterProps } from './components/CapMeter';
export { DateTime, type DateTimeProps, formatDateTime } from './components/DateTime';
export { DocumentTitle } from './components/DocumentTitle';
export { ErrorNotice, type ErrorNoticeProps } from './components/ErrorNotice';
export { FormSection, type FormSectionProps } from './components/FormSection';
export { LanguageSwitch } from './components/LanguageSwitch';
export { Money, type MoneyProps } from './components/Money';
export { NanshanProvider } from './components/NanshanProvider';
export { type QueryLike, QueryState, type QueryStateProps } from './components/QueryState';
export { StateBadge, type StateBadgeProps } from './components/StateBadge';
export { type OrderStatus, StatusBadge, type StatusBadgeProps } from './components/StatusBadge';
export { TraceList, type TraceListProps, type TraceStepView } from './components/TraceList';
export { describeError, type ErrorDescription, type ValidationIssue } from './errors/describe-error';
export { type ErrorText, useErrorText } from './errors/use-error-text';
export { type Base64File, base64ToBytes, downloadBase64File } from './files/download-file';
export { GrantStatusBadge, type GrantStatusBadgeProps } from './grants/GrantStatusBadge';
export { GrantStepper, type GrantStepperProps } from './grants/GrantStepper';
export { GrantTimeline, type GrantTimelineEvent, type GrantTimelineProps } from './grants/GrantTimeline';
export { type GrantAudience, useGrantStatusLabel } from './grants/use-grant-status-label';
export {
  displayEventKind,
  GRANT_DETOURS,
  GRANT_STATUS_COLORS,
  GRANT_STATUSES,
  GRANT_STEPS,
  type GrantDetour,
  type GrantStatus,
  type GrantStep,
  isGrantStatus,
  isGrantStep,
  isOpenGrant,
  type StepperState,
  stepperState,
} from './grants/workflow';
export { type AppResources, createI18n, LANGUAGE_STORAGE_KEY } from './i18n/create-i18n';
export { DEFAULT_LANGUAGE, LANGUAGES, type Language, toLanguage } from './i18n/languages';
export { uiEn } from './i18n/ui-en';
export { type UiMessages, uiZhCN } from './i18n/ui-zh-CN';
export { pickText, useLanguage } from './i18n/use-language';
export {
  type AmountOptions,
  type AmountProblem,
  type AmountUnit,
  fenToAmountText,
  fenToYuanText,
  type ParsedAmount,
  parseAmountToFen,
  parseYuanToFen,
} from './money/amount-input';
export { formatFen } from './money/format-fen';
export { theme } from './theme';
