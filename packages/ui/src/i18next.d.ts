// Types the `ui` namespace while this package is checked on its own. Apps declare their own resources (including
// `ui`); this file is not imported by any module, so it is not part of the apps' programs.
import 'i18next';
import type { UiMessages } from './i18n/ui-zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: UiMessages };
  }
}
