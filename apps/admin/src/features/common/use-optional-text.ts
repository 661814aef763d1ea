import { useTranslation } from 'react-i18next';

/**
 * Text for a key built from a server code (an audit action, a parameter key) when the app words it, else null so
 * the caller shows the code itself. The static keys stay type-checked through `t`; only these lookups are dynamic.
 */
export function useOptionalText(): (key: string, options?: Record<string, unknown>) => string | null {
  const { i18n } = useTranslation();
  return (key, options) => {
    if (!i18n.exists(key)) return null;
    const text: unknown = (i18n.t as (k: string, o?: Record<string, unknown>) => unknown)(key, options);
    return typeof text === 'string' ? text : null;
  };
}
