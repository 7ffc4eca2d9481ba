/** `par token`: a JWT the local runtime accepts, signed with the key under `.local/`. */
import { parseArgs } from 'node:util';
import { roles } from '../../shared/domain/roles.ts';
import { signToken } from '../../infra/local/jwt.ts';
import type { CliIo } from '../par.ts';

export async function run(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        unit: { type: 'string' },
        areas: { type: 'string' },
        district: { type: 'string' },
        user: { type: 'string' },
        'expires-in': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`par token: ${(error as Error).message}\n`);
    return 2;
  }
  if (!values.role || !(roles as readonly string[]).includes(values.role)) {
    io.stderr(`par token: --role must be one of ${roles.join(', ')}\n`);
    return 2;
  }
  if (values.role === 'unit' && !values.unit) {
    io.stderr('par token: --unit is required for --role unit\n');
    return 2;
  }
  const token = await signToken({
    role: values.role,
    unitId: values.unit,
    areas: values.areas,
    district: values.district,
    username: values.user,
    expiresIn: values['expires-in'],
  });
  io.stdout(`${token}\n`);
  return 0;
}
