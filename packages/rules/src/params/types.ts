import type { IsoDate } from '../dates';

/** The article numbers of the measures, as the Chinese text writes them. */
export type Article =
  | '第二条'
  | '第三条'
  | '第四条'
  | '第五条'
  | '第六条'
  | '第七条'
  | '第八条'
  | '第九条'
  | '第十条'
  | '第十一条'
  | '第十二条'
  | '第十三条'
  | '第十四条'
  | '第十五条';

/** Where a value comes from: the article, optionally the clause, and the exact Chinese words (checked by a test). */
export interface Citation {
  article: Article;
  clause?: string;
  quoteZh: string;
}

export type Unit =
  | 'fen'
  | 'bps'
  | 'years'
  | 'fen_per_card_hour'
  | 'bps_by_field'
  | 'bps_by_financing_kind'
  | 'rent_tiers'
  | 'revenue_tiers';

/** One dated value: in force from `from` through `to` inclusive (open-ended without `to`). */
export interface Segment<V> {
  value: V;
  from: IsoDate;
  to?: IsoDate;
  cite: Citation;
  /**
   * The measures leave this value to the bureau (区科技创新局, Art. 16 operating procedures); the value here is a
   * documented default the admin app replaces with a new dated segment.
   */
  setByBureau?: true;
}

export interface ParamDef<V> {
  unit: Unit;
  en: string;
  segments: readonly Segment<V>[];
}
