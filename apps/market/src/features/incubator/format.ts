/** Basis points as a percentage ("5000" → "50%", "3750" → "37.5%"), with integer arithmetic. */
export function bpsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = Math.abs(bps % 100);
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** Hundredths of a square metre as square metres ("18000" → "180", "18050" → "180.5"). */
export function centiM2Text(centi: number): string {
  const whole = Math.trunc(centi / 100);
  const rest = centi % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
