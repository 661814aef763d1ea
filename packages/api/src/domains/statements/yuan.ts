/**
 * Integer fen as a yuan decimal string ("123456" fen → "1234.56"), by string arithmetic on the integer's digits:
 * no floating point touches the amount (invariant 1).
 */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${String(fen)}`);
  const digits = Math.abs(fen).toString().padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
