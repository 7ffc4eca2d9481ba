/** Prints the README's problem-code table from the one vocabulary (shared/domain/errors.ts). */
import { errorCodes } from '../shared/domain/errors.ts';
import { statusOfKind } from '../shared/http/problems.ts';

const rows = Object.entries(errorCodes)
  .map(([code, { kind, means }]) => ({ code, status: statusOfKind[kind], means }))
  .sort((a, b) => a.status - b.status || a.code.localeCompare(b.code));
console.log('| status | code | meaning |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.status} | \`${r.code}\` | ${r.means} |`);
