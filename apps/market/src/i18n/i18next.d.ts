import 'i18next';
import type { UiMessages } from '@nanshan/ui';
import type { MarketMessages } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: MarketMessages; ui: UiMessages };
  }
}
