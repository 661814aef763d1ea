import type { IsoDate } from '../dates';
import type { Citation } from './types';

/**
 * 第十五条 本措施自 2024 年 4 月 8 日起施行，有效期三年。
 * Art. 15: in force from 8 April 2024 for three years. Three years from 2024-04-08 end on 2027-04-07 (the day before
 * the third anniversary), both days included. Every dated parameter of these measures lives inside this window.
 */
export const MEASURES_IN_FORCE: { from: IsoDate; to: IsoDate; cite: Citation } = {
  from: '2024-04-08',
  to: '2027-04-07',
  cite: { article: '第十五条', quoteZh: '本措施自 2024 年 4 月 8 日起施行，有效期三年' },
};
