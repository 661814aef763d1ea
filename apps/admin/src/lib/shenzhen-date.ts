/** Today's date in Shenzhen (YYYY-MM-DD), whatever the browser's zone: policy dates are Shenzhen dates. */
export function shenzhenToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
