import { GRANT_ARTICLES } from '@nanshan/api/grant-facts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { emptyFactValues, factFields, splitList, toFacts } from './facts-fields';

describe('factFields', () => {
  it('derives each article’s inputs from the API schema', () => {
    expect(factFields('art12')).toEqual([{ name: 'revenueFen', type: 'money' }]);
    expect(factFields('art6').map((f) => [f.name, f.type])).toEqual([
      ['providerId', 'party'],
      ['spendFen', 'money'],
      ['serviceKind', 'choice'],
      ['notRelatedDeclared', 'boolean'],
      ['invoiceNumbers', 'list'],
      ['periodFrom', 'date'],
      ['periodTo', 'date'],
    ]);
    expect(factFields('art14').map((f) => [f.name, f.type])).toEqual([
      ['heldInNanshan', 'boolean'],
      ['largeModelOrGenerativeAiTheme', 'boolean'],
      ['recognised', 'boolean'],
      ['recognisedBy', 'choice'],
      ['eventDate', 'date'],
    ]);
    expect(factFields('art14').find((f) => f.name === 'recognisedBy')).toEqual({
      name: 'recognisedBy',
      type: 'choice',
      options: ['national', 'provincial', 'municipal', 'district'],
    });
  });

  it('asks for Art. 8’s track first, then that track’s facts', () => {
    expect(factFields('art8').map((f) => f.name)).toEqual(['track', 'cityGrantFen']);
    expect(factFields('art8', { track: 'demo' }).map((f) => f.name)).toEqual([
      'track',
      'actualCostFen',
      'governmentInvested',
    ]);
    expect(factFields('art8')[0]).toMatchObject({ options: ['city_match', 'district', 'demo'] });
  });

  it('has a label in both languages for every fact and option of every article', () => {
    for (const article of GRANT_ARTICLES) {
      const tracks = factFields(article)[0]?.name === 'track' ? ['city_match', 'district', 'demo'] : [''];
      for (const track of tracks) {
        for (const field of factFields(article, { track })) {
          for (const messages of [zhCN, en]) {
            expect(messages.grants.facts[field.name], `${article} ${field.name}`).toBeTruthy();
            if (field.type === 'choice') {
              const options =
                messages.grants.factOptions[field.name as keyof typeof messages.grants.factOptions];
              for (const option of field.options) {
                expect(options?.[option as keyof typeof options], `${field.name}.${option}`).toBeTruthy();
              }
            }
          }
        }
      }
    }
  });
});

describe('toFacts', () => {
  it('turns 元 into integer fen without a float and keeps the API’s shape', () => {
    expect(toFacts('art12', { revenueFen: '250,000,000.01' })).toEqual({
      ok: true,
      facts: { article: 'art12', revenueFen: 25_000_000_001 },
    });
    expect(toFacts('art8', { track: 'demo', actualCostFen: '0.1', governmentInvested: true })).toEqual({
      ok: true,
      facts: { article: 'art8', track: 'demo', actualCostFen: 10, governmentInvested: true },
    });
  });

  it('splits lists and checks dates, choices and ids with the API schema', () => {
    const values = {
      ...emptyFactValues('art6'),
      providerId: '2b1f7a3e-9c4d-4e8a-8f00-0123456789ab',
      spendFen: '1200',
      invoiceNumbers: 'INV-1\nINV-2，INV-3',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    };
    const result = toFacts('art6', values);
    expect(result).toMatchObject({
      ok: true,
      facts: { spendFen: 120_000, serviceKind: 'compute', invoiceNumbers: ['INV-1', 'INV-2', 'INV-3'] },
    });
  });

  it('names each wrong field with an i18n key', () => {
    expect(toFacts('art6', emptyFactValues('art6'))).toEqual({
      ok: false,
      errors: {
        providerId: 'validation.required',
        spendFen: 'validation.required',
        invoiceNumbers: 'validation.required',
        periodFrom: 'validation.required',
        periodTo: 'validation.required',
      },
    });
    expect(toFacts('art7', { cityGrantFen: '0', leadUnit: true })).toEqual({
      ok: false,
      errors: { cityGrantFen: 'validation.amountPositive' },
    });
    expect(toFacts('art12', { revenueFen: '12.345' })).toEqual({
      ok: false,
      errors: { revenueFen: 'validation.amountTooPrecise' },
    });
    expect(toFacts('art14', { recognised: true, recognisedBy: 'national', eventDate: '2025-13-40' })).toEqual(
      { ok: false, errors: { eventDate: 'validation.date' } },
    );
    expect(toFacts('art13', { kind: 'bribe', baseFen: '100' })).toEqual({
      ok: false,
      errors: { kind: 'validation.invalid' },
    });
  });

  it('always sends Art. 14’s declarations, unticked as false', () => {
    expect(toFacts('art14', { ...emptyFactValues('art14'), eventDate: '2026-10-20' })).toEqual({
      ok: true,
      facts: {
        article: 'art14',
        heldInNanshan: false,
        largeModelOrGenerativeAiTheme: false,
        recognised: false,
        recognisedBy: 'national',
        eventDate: '2026-10-20',
      },
    });
  });

  it('allows a zero revenue where the API does (Art. 12) but not a zero award base', () => {
    expect(toFacts('art12', { revenueFen: '0' })).toMatchObject({ ok: true });
    expect(toFacts('art13', { kind: 'ip_pledge', baseFen: '0' })).toMatchObject({ ok: false });
  });
});

describe('splitList', () => {
  it('splits on new lines, commas and 、 and drops blanks', () => {
    expect(splitList(' A1 \n\nB2、C3, D4；')).toEqual(['A1', 'B2', 'C3', 'D4']);
  });
});
