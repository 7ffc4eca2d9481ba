/**
 * `par ministry-export --year Y [--unit UBND-TINH] [--format xlsx|html] --out FILE`: the province's
 * assessment in the Ministry's form, read from the local runtime that `npm start` is running (as
 * an administrator), written to FILE. The same use case as GET .../ministry-export.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localDir } from '../../infra/local/paths.ts';
import type { CliIo } from '../par.ts';

const usage = 'usage: par ministry-export --year YYYY [--unit UBND-TINH] [--format xlsx|html] --out FILE\n';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      year: { type: 'string' },
      unit: { type: 'string', default: 'UBND-TINH' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
    },
  });
  const year = Number(values.year);
  if (!Number.isInteger(year) || !values.out || (values.format !== 'xlsx' && values.format !== 'html')) {
    io.stderr(usage);
    return 2;
  }
  const file = join(localDir(), 'runtime.json');
  if (!existsSync(file)) {
    io.stderr('par ministry-export: no local runtime found (.local/runtime.json); start it with `npm start`\n');
    return 1;
  }
  Object.assign(process.env, (JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> }).env);
  const [{ ministryExport }, { isDomainError }] = await Promise.all([
    import('../../shared/app/province/ministry-export.ts'),
    import('../../shared/domain/errors.ts'),
  ]);
  const admin = { subject: 'cli', username: 'cli:ministry-export', roles: ['admin' as const], areas: [] };
  try {
    const out = await ministryExport(admin, { year, unitId: values.unit!, format: values.format });
    writeFileSync(values.out, Buffer.from(out.content, out.encoding));
    io.stdout(`${values.out}: ${out.fileName} (${out.contentType})\n`);
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    io.stderr(`par ministry-export: ${error.code}: ${error.message}\n`);
    return 1;
  }
}
