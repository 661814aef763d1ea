import type { Language } from '../i18n/languages';

const INTL_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };
const formatters = new Map<Language, Intl.NumberFormat>();

function formatterFor(language: Language): Intl.NumberFormat {
  let nf = formatters.get(language);
  if (!nf) {
    nf = new Intl.NumberFormat(INTL_LOCALE[language], {
      style: 'currency',
      currency: 'CNY',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(language, nf);
  }
  return nf;
}

/**
 * Integer fen as CNY text ("¥1,234.56" in Chinese, "CN¥1,234.56" in English).
 *
 * No float ever carries the amount: the yuan part is formatted by Intl as an integer (it groups digits and
 * places the symbol), and the fraction Intl would print (".00") is replaced by the two fen digits computed
 * with integer arithmetic. So 0.1 + 0.2 style errors cannot appear, whatever the amount.
 */
export function formatFen(fen: number, language: Language): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen: ${fen} is not an integer amount of fen`);
  const negative = fen < 0;
  const abs = negative ? -fen : fen;
  const fenPart = abs % 100;
  const yuanPart = (abs - fenPart) / 100; // exact: abs - fenPart is a multiple of 100
  // -0 keeps the minus sign for amounts between -0.99 and -0.01 yuan.
  const parts = formatterFor(language).formatToParts(negative ? -yuanPart : yuanPart);
  const fraction = String(fenPart).padStart(2, '0');
  return parts.map((p) => (p.type === 'fraction' ? fraction : p.value)).join('');
}
