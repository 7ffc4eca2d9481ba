/**
 * Published results as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Vietnamese).
 * Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with an
 * apostrophe (OWASP CSV injection); numbers stay numbers.
 */
import type { Results } from '../schemas/results.ts';

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const header = [
  'unitType',
  'rank',
  'unitId',
  'name',
  'index',
  'band',
  'total',
  'maxApplicable',
  'achieved',
  'selfTotal',
  'surveyTotal',
  'bonusTotal',
  'penaltyTotal',
  'missing',
];

export function resultsCsv(results: Partial<Record<string, Results>>): string {
  const lines = [header.join(',')];
  for (const [unitType, r] of Object.entries(results)) {
    for (const u of r?.units ?? []) {
      lines.push(
        [
          unitType,
          u.rank,
          u.unitId,
          u.name,
          u.index,
          u.band,
          u.total,
          u.maxApplicable,
          u.achieved,
          u.selfTotal,
          u.surveyTotal,
          u.bonusTotal,
          u.penaltyTotal,
          u.missing.join(' '),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
