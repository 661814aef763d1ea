/**
 * The parameter table against time and against the text: every segment is swept at its edges (the day before its
 * start, its start, its end, the day after), every citation is found in the Chinese text, and every operative number
 * in that text is covered by a citation or listed as having no operative effect.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/dates';
import { MEASURES_IN_FORCE, PARAMS, ParamCoverageError, type ParamKey, paramAt } from '../src/index';
import { assertTableWellFormed } from '../src/params/lookup';
import type { Citation } from '../src/params/types';
import { compact, policyTextZh } from './policy-text';

const keys = Object.keys(PARAMS) as ParamKey[];

describe('dated parameters', () => {
  for (const key of keys) {
    const segments = PARAMS[key].segments;
    segments.forEach((segment, index) => {
      it(`${key} segment ${index + 1}: edges`, () => {
        expect(paramAt(key, segment.from).value).toEqual(segment.value);
        const before = addDays(segment.from, -1);
        const previous = segments[index - 1];
        if (previous?.to === before) expect(paramAt(key, before).value).toEqual(previous.value);
        else expect(() => paramAt(key, before)).toThrow(ParamCoverageError);
        if (segment.to !== undefined) {
          expect(paramAt(key, segment.to).value).toEqual(segment.value);
          const after = addDays(segment.to, 1);
          const next = segments[index + 1];
          if (next?.from === after) expect(paramAt(key, after).value).toEqual(next.value);
          else expect(() => paramAt(key, after)).toThrow(ParamCoverageError);
        }
      });
    });
  }

  it('every value of these measures lies inside the Art. 15 window', () => {
    for (const key of keys) {
      for (const segment of PARAMS[key].segments) {
        expect(segment.from >= MEASURES_IN_FORCE.from).toBe(true);
        expect(segment.to !== undefined && segment.to <= MEASURES_IN_FORCE.to).toBe(true);
      }
    }
  });

  it('throws on a malformed date rather than matching it as a string', () => {
    expect(() => paramAt('art6.rateBps', '2025-13-01')).toThrow(RangeError);
  });

  it('rejects overlapping or reversed segments', () => {
    const cite: Citation = { article: '第六条', quoteZh: 'x' };
    const overlapping = {
      p: {
        unit: 'bps' as const,
        en: '',
        segments: [
          { value: 1, from: '2024-01-01', to: '2024-06-30', cite },
          { value: 2, from: '2024-06-30', cite },
        ],
      },
    };
    expect(() => assertTableWellFormed(overlapping)).toThrow(ParamCoverageError);
    const openThenMore = {
      p: {
        unit: 'bps' as const,
        en: '',
        segments: [
          { value: 1, from: '2024-01-01', cite },
          { value: 2, from: '2025-01-01', cite },
        ],
      },
    };
    expect(() => assertTableWellFormed(openThenMore)).toThrow(ParamCoverageError);
    const reversed = {
      p: {
        unit: 'bps' as const,
        en: '',
        segments: [{ value: 1, from: '2024-02-01', to: '2024-01-01', cite }],
      },
    };
    expect(() => assertTableWellFormed(reversed)).toThrow();
  });

  it('returns frozen values', () => {
    const tiers = paramAt('art10.rentTiers', '2025-01-01').value;
    expect(Object.isFrozen(tiers)).toBe(true);
    expect(Object.isFrozen(tiers[0])).toBe(true);
  });
});

/** Numbers in the text that set no amount, rate or limit of a support measure. */
const NON_OPERATIVE: readonly { quoteZh: string; why: string }[] = [
  {
    quoteZh: '《深圳市加快推动人工智能高质量发展高水平应用行动方案（2023—2024 年）》',
    why: 'Art. 1: title of the municipal plan',
  },
  {
    quoteZh: '对上一年度采购算力资源的企业',
    why: "Art. 6: the spend declared is last year's; the spend (and the year its cap counts) is an input, not a parameter",
  },
  {
    quoteZh: '形成百亿元以上规模的人工智能基金群',
    why: 'Art. 13: size of the guidance-fund cluster, not an award',
  },
];

describe('citations', () => {
  const text = policyTextZh();
  const citations: { where: string; cite: Citation }[] = [
    { where: 'MEASURES_IN_FORCE', cite: MEASURES_IN_FORCE.cite },
    ...keys.flatMap((key) => PARAMS[key].segments.map((segment) => ({ where: key, cite: segment.cite }))),
  ];

  it.each(citations.map((c) => [c.where, c.cite] as const))('%s quotes the Chinese text', (_where, cite) => {
    const quote = compact(cite.quoteZh);
    // the quote lies inside the article it names: after its heading, before the next article's heading
    const start = text.indexOf(cite.article);
    const end = text.indexOf(nextArticle(cite.article), start);
    const at = text.indexOf(quote, start);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at < end).toBe(true);
  });

  it('every operative number in the text (万元, 亿元, %, 年, ratios) is covered by a citation', () => {
    const covered = new Array<boolean>(text.length).fill(false);
    for (const quote of [...citations.map((c) => c.cite.quoteZh), ...NON_OPERATIVE.map((n) => n.quoteZh)]) {
      const q = compact(quote);
      for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1))
        covered.fill(true, at, at + q.length);
    }
    const numbers =
      /\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?(?:万元|亿元|%|年|月|日)?|[一二三四五六七八九十百千]+(?:亿元|万元|年)/g;
    const uncovered: string[] = [];
    for (const match of text.matchAll(numbers)) {
      const at = match.index;
      // article numbers (第六条) and list markers （一） are structure, not amounts
      if (/^[一二三四五六七八九十]+$/.test(match[0])) continue;
      if (!covered.slice(at, at + match[0].length).every(Boolean)) {
        uncovered.push(`${match[0]} …${text.slice(Math.max(0, at - 12), at + 12)}…`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});

const ARTICLE_ORDER = [
  '第二条',
  '第三条',
  '第四条',
  '第五条',
  '第六条',
  '第七条',
  '第八条',
  '第九条',
  '第十条',
  '第十一条',
  '第十二条',
  '第十三条',
  '第十四条',
  '第十五条',
  '第十六条',
];

function nextArticle(article: string): string {
  const next = ARTICLE_ORDER[ARTICLE_ORDER.indexOf(article) + 1];
  if (next === undefined) throw new Error(`no article after ${article}`);
  return next;
}
