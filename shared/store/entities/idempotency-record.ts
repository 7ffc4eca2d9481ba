/** An idempotency record: a key claimed before the work, completed with the response after a success. */
import { deferred } from '../../schemas/zod.ts';
import * as z from 'zod/mini';
import { tableDefinition } from '../resources.ts';

export const idempotencyKeys = {
  item: (keyHash: string) => ({ pk: `IDEMPOTENCY#${keyHash}`, sk: 'IDEMPOTENCY' }),
} as const;

const responseRecord = deferred(() =>
  z.object({ statusCode: z.number().check(z.int()), headers: z.record(z.string(), z.string()), body: z.string() }),
);

const idempotencyRecord = deferred(() =>
  z.object({
    status: z.enum(['in-progress', 'completed']),
    requestHash: z.string(),
    /** Who claimed it: a claim whose write committed but whose answer was lost is recognised as one's own on retry. */
    owner: z.optional(z.string()),
    response: z.optional(responseRecord),
  }),
);
export type IdempotencyRecord = z.infer<typeof idempotencyRecord>;

export function idempotencyToItem(keyHash: string, record: IdempotencyRecord, expiresAtSeconds: number): Record<string, unknown> {
  return { ...idempotencyKeys.item(keyHash), entity: 'idempotency', ...record, [tableDefinition.timeToLiveAttribute]: expiresAtSeconds };
}

export function idempotencyFromItem(item: Record<string, unknown>): IdempotencyRecord {
  return idempotencyRecord.parse(item);
}
