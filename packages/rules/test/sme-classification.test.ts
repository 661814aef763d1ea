/**
 * Boundary tests for 《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条: each row's upper limits ("以下"
 * excludes the number) and its medium and small lower limits ("及以上" includes it).
 */
import { describe, expect, it } from 'vitest';
import { classifySme, SME_TABLE, type SmeFacts } from '../src/eligibility/sme-classification';

const WAN = 1_000_000; // fen in 1 万元

describe('SME classification by industry', () => {
  it.each<[string, SmeFacts, string]>([
    // （十二）软件和信息技术服务业: <300 staff or <10000万 revenue; medium ≥100 & ≥1000万; small ≥10 & ≥50万
    [
      'software at both upper limits',
      { industry: 'software_it', employees: 300, revenueFen: 10000 * WAN, assetsFen: 0 },
      'large',
    ],
    [
      'software one fen under revenue limit',
      { industry: 'software_it', employees: 5000, revenueFen: 10000 * WAN - 1, assetsFen: 0 },
      'medium',
    ],
    [
      'software one person under staff limit',
      { industry: 'software_it', employees: 299, revenueFen: 10000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'software medium at lower limits',
      { industry: 'software_it', employees: 100, revenueFen: 1000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'software small below medium staff',
      { industry: 'software_it', employees: 99, revenueFen: 1000 * WAN, assetsFen: 0 },
      'small',
    ],
    [
      'software small at lower limits',
      { industry: 'software_it', employees: 10, revenueFen: 50 * WAN, assetsFen: 0 },
      'small',
    ],
    [
      'software micro below small revenue',
      { industry: 'software_it', employees: 10, revenueFen: 50 * WAN - 1, assetsFen: 0 },
      'micro',
    ],
    [
      'software micro below small staff',
      { industry: 'software_it', employees: 9, revenueFen: 9000 * WAN, assetsFen: 0 },
      'micro',
    ],
    // （十一）信息传输业: <2000 or <100000万; medium ≥100 & ≥1000万; small ≥10 & ≥100万
    [
      'info transmission large',
      { industry: 'info_transmission', employees: 2000, revenueFen: 100000 * WAN, assetsFen: 0 },
      'large',
    ],
    [
      'info transmission medium',
      { industry: 'info_transmission', employees: 1999, revenueFen: 100000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'info transmission small',
      { industry: 'info_transmission', employees: 10, revenueFen: 100 * WAN, assetsFen: 0 },
      'small',
    ],
    [
      'info transmission micro',
      { industry: 'info_transmission', employees: 10, revenueFen: 100 * WAN - 1, assetsFen: 0 },
      'micro',
    ],
    // （二）工业: <1000 or <40000万; medium ≥300 & ≥2000万; small ≥20 & ≥300万
    [
      'manufacturing large',
      { industry: 'manufacturing', employees: 1000, revenueFen: 40000 * WAN, assetsFen: 0 },
      'large',
    ],
    [
      'manufacturing medium',
      { industry: 'manufacturing', employees: 300, revenueFen: 2000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'manufacturing small',
      { industry: 'manufacturing', employees: 299, revenueFen: 2000 * WAN, assetsFen: 0 },
      'small',
    ],
    [
      'manufacturing micro',
      { industry: 'manufacturing', employees: 19, revenueFen: 300 * WAN, assetsFen: 0 },
      'micro',
    ],
    // （四）批发业: <200 or <40000万; medium ≥20 & ≥5000万; small ≥5 & ≥1000万
    [
      'wholesale large',
      { industry: 'wholesale', employees: 200, revenueFen: 40000 * WAN, assetsFen: 0 },
      'large',
    ],
    [
      'wholesale medium (staff under 200)',
      { industry: 'wholesale', employees: 199, revenueFen: 40000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'wholesale medium at lower limits',
      { industry: 'wholesale', employees: 20, revenueFen: 5000 * WAN, assetsFen: 0 },
      'medium',
    ],
    [
      'wholesale small',
      { industry: 'wholesale', employees: 5, revenueFen: 1000 * WAN, assetsFen: 0 },
      'small',
    ],
    [
      'wholesale micro',
      { industry: 'wholesale', employees: 4, revenueFen: 1000 * WAN, assetsFen: 0 },
      'micro',
    ],
    // （五）零售业: <300 or <20000万; medium ≥50 & ≥500万; small ≥10 & ≥100万
    ['retail large', { industry: 'retail', employees: 300, revenueFen: 20000 * WAN, assetsFen: 0 }, 'large'],
    [
      'retail medium (revenue under 20000万)',
      { industry: 'retail', employees: 300, revenueFen: 20000 * WAN - 1, assetsFen: 0 },
      'medium',
    ],
    [
      'retail medium at lower limits',
      { industry: 'retail', employees: 50, revenueFen: 500 * WAN, assetsFen: 0 },
      'medium',
    ],
    ['retail small', { industry: 'retail', employees: 49, revenueFen: 500 * WAN, assetsFen: 0 }, 'small'],
    ['retail micro', { industry: 'retail', employees: 10, revenueFen: 100 * WAN - 1, assetsFen: 0 }, 'micro'],
    // （十五）租赁和商务服务业: <300 staff or <120000万 assets; medium ≥100 & ≥8000万 assets; small ≥10 & ≥100万
    [
      'leasing large',
      { industry: 'leasing_business', employees: 300, revenueFen: 0, assetsFen: 120000 * WAN },
      'large',
    ],
    [
      'leasing medium',
      { industry: 'leasing_business', employees: 100, revenueFen: 0, assetsFen: 8000 * WAN },
      'medium',
    ],
    [
      'leasing small',
      { industry: 'leasing_business', employees: 100, revenueFen: 0, assetsFen: 8000 * WAN - 1 },
      'small',
    ],
    [
      'leasing micro',
      { industry: 'leasing_business', employees: 10, revenueFen: 0, assetsFen: 100 * WAN - 1 },
      'micro',
    ],
    // （十六）其他未列明行业, which scientific research & technical services falls under: staff only
    ['research large', { industry: 'research_tech', employees: 300, revenueFen: 0, assetsFen: 0 }, 'large'],
    [
      'research medium',
      { industry: 'research_tech', employees: 299, revenueFen: 10 ** 15, assetsFen: 10 ** 15 },
      'medium',
    ],
    [
      'research medium at 100',
      { industry: 'research_tech', employees: 100, revenueFen: 0, assetsFen: 0 },
      'medium',
    ],
    ['research small', { industry: 'research_tech', employees: 10, revenueFen: 0, assetsFen: 0 }, 'small'],
    ['other micro', { industry: 'other', employees: 9, revenueFen: 0, assetsFen: 0 }, 'micro'],
    ['other large', { industry: 'other', employees: 300, revenueFen: 0, assetsFen: 0 }, 'large'],
    // （一）农、林、牧、渔业: revenue only
    [
      'agriculture large',
      { industry: 'agriculture', employees: 0, revenueFen: 20000 * WAN, assetsFen: 0 },
      'large',
    ],
    [
      'agriculture small',
      { industry: 'agriculture', employees: 0, revenueFen: 50 * WAN, assetsFen: 0 },
      'small',
    ],
  ])('%s', (_name, facts, size) => {
    const result = classifySme(facts);
    expect(result.size).toBe(size);
    expect(result.isSme).toBe(size !== 'large');
    expect(result.trace[0]?.zh).toContain(result.size === 'large' ? '大型企业' : '型企业');
  });

  it('has one row per industry code, with medium limits above small limits', () => {
    const codes = SME_TABLE.map((row) => row.industry);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of SME_TABLE) {
      for (const key of ['employees', 'revenueFen', 'assetsFen'] as const) {
        const small = row.small[key];
        const medium = row.medium[key];
        if (small !== undefined && medium !== undefined) expect(medium).toBeGreaterThan(small);
      }
    }
  });

  it('rejects unknown industries and malformed facts', () => {
    expect(() =>
      classifySme({ industry: 'mining' as never, employees: 1, revenueFen: 0, assetsFen: 0 }),
    ).toThrow();
    expect(() => classifySme({ industry: 'other', employees: -1, revenueFen: 0, assetsFen: 0 })).toThrow();
    expect(() => classifySme({ industry: 'other', employees: 1.5, revenueFen: 0, assetsFen: 0 })).toThrow();
    expect(() => classifySme({ industry: 'other', employees: 1, revenueFen: -1, assetsFen: 0 })).toThrow();
  });
});
