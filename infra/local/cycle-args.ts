import { cycleYears } from '../../shared/domain/cycle-years.ts';

/** The years `npm run cycle` runs: `--year 2031`, or `--years 2031-2032` (consecutive years on one runtime). */
/** `2031`, `2031-2033` or `2031,2032`: ascending distinct cycle years (shared/domain/cycle-years.ts), at most 10. */
export function parseYears(year: string | undefined, years: string | undefined): number[] {
  if ((year === undefined) === (years === undefined)) throw new Error('give either --year or --years');
  const text = (year ?? years)!.trim();
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  const list = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : text.split(',').map((y) => Number(y.trim()));
  if (list.length === 0 || list.some((y) => !Number.isInteger(y) || y < cycleYears.first || y > cycleYears.last))
    throw new Error(
      `${year !== undefined ? '--year' : '--years'} must be a year between ${cycleYears.first} and ${cycleYears.last}, or a range such as 2031-2032`,
    );
  if (list.length > 10) throw new Error('--years covers at most 10 years');
  return [...new Set(list)].sort((a, b) => a - b);
}
