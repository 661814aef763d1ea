import 'i18next';
import type { UiMessages } from '@nanshan/ui';
import type { AdminMessages } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AdminMessages; ui: UiMessages };
  }
}
