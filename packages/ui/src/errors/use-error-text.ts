import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../i18n/ui-zh-CN';
import { describeError, type ValidationIssue } from './describe-error';

type CodeKey = keyof UiMessages['errors']['code'];
type ReasonKey = keyof UiMessages['errors']['reason'];
type AuthKey = keyof UiMessages['errors']['auth'];
type FieldKey = keyof UiMessages['field'];

export interface ErrorText {
  /** One localized sentence; never a raw server string. */
  message: string;
  /** Localized field-by-field problems when the server rejected the input. */
  details: string[];
  /** The machine code, shown small so support can trace it. */
  code: string | null;
}

function has<K extends string>(table: Record<K, string>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/**
 * An app may word its own domain reasons and field names in its namespace (`translation`): `errors.reason.<code>`
 * and `field.<name>`. They are read before the shared table, so each app explains the refusals only it meets.
 */
function appString(bundle: unknown, path: readonly string[]): string | null {
  let node: unknown = bundle;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : null;
}

/** Turns any error into localized text: a reason code wins over the tRPC code, which wins over the generic text. */
export function useErrorText(): (error: unknown) => ErrorText {
  const { t, i18n } = useTranslation('ui');
  const messages = i18n.getResourceBundle(i18n.resolvedLanguage ?? 'zh-CN', 'ui') as UiMessages | undefined;
  const table = messages ?? (i18n.getResourceBundle('zh-CN', 'ui') as UiMessages);
  const appBundle: unknown = i18n.getResourceBundle(i18n.resolvedLanguage ?? 'zh-CN', 'translation');

  function issueText(issue: ValidationIssue): string {
    const last = issue.path.at(-1);
    const fieldName = typeof last === 'string' ? last : 'input';
    const field =
      appString(appBundle, ['field', fieldName]) ??
      (has<FieldKey>(table.field, fieldName) ? t(`field.${fieldName}`) : fieldName);
    const minimum = String(issue.minimum ?? '');
    const maximum = String(issue.maximum ?? '');
    const stringy = issue.origin === 'string';
    switch (issue.code) {
      case 'too_small':
        return stringy
          ? t('issue.too_small_string', { field, minimum })
          : t('issue.too_small', { field, minimum });
      case 'too_big':
        return stringy
          ? t('issue.too_big_string', { field, maximum })
          : t('issue.too_big', { field, maximum });
      case 'invalid_type':
      case 'invalid_format':
      case 'invalid_value':
      case 'not_multiple_of':
        return t(`issue.${issue.code}`, { field });
      default:
        return t('issue.other', { field });
    }
  }

  return (error) => {
    const d = describeError(error);
    switch (d.kind) {
      case 'server': {
        const appReason = d.reason ? appString(appBundle, ['errors', 'reason', d.reason]) : null;
        if (appReason) return { message: appReason, details: [], code: d.reason };
        if (d.reason && has<ReasonKey>(table.errors.reason, d.reason)) {
          return { message: t(`errors.reason.${d.reason}`), details: [], code: d.reason };
        }
        if (d.issues.length > 0) {
          return { message: t('errors.invalidInput'), details: d.issues.map(issueText), code: d.code };
        }
        const message = has<CodeKey>(table.errors.code, d.code)
          ? t(`errors.code.${d.code}`)
          : t('errors.generic');
        return { message, details: [], code: d.reason ?? d.code };
      }
      case 'auth':
        return {
          message: has<AuthKey>(table.errors.auth, d.code) ? t(`errors.auth.${d.code}`) : t('errors.generic'),
          details: [],
          code: d.code,
        };
      case 'network':
        return { message: t('errors.network'), details: [], code: null };
      default:
        return { message: t('errors.generic'), details: [], code: null };
    }
  };
}
