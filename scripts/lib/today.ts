/**
 * Today's date, `YYYY-MM-DD`, in the local calendar: the one clock the tools read (src/lib has
 * none). The validator uses it to refuse a publication date in the future; `npm run init` starts
 * the template's version and publication date from it. `TODAY=YYYY-MM-DD` fixes it (tests).
 */
export function localToday(now = new Date()): string {
  const fixed = process.env.TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
