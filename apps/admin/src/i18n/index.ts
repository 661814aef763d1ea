import { createI18n } from '@nanshan/ui';
import { en } from './en';
import { zhCN } from './zh-CN';

export const i18n = createI18n({ 'zh-CN': zhCN, en });
