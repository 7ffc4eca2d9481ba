/** The framework item: the framework itself, its version and the cycle years that froze it. */
import { deferred } from '../../schemas/zod.ts';
import { frameworkSchema } from '../../schemas/files/framework.ts';
import * as z from 'zod/mini';

export const frameworkKeys = {
  item: (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, sk: 'META' }),
  auditSubject: (frameworkId: string) => `FRAMEWORK#${frameworkId}`,
} as const;

const storedFrameworkSchema = deferred(() =>
  z.object({
    framework: frameworkSchema,
    version: z.number().check(z.int()),
    usedBy: z._default(z.array(z.number().check(z.int())), []),
    /** When the admin froze it (POST /v1/frameworks/{id}/freeze): never replaced after that. */
    frozenAt: z.optional(z.string()),
  }),
);
export type StoredFramework = z.infer<typeof storedFrameworkSchema>;

export function frameworkToItem(stored: StoredFramework): Record<string, unknown> {
  return { ...frameworkKeys.item(stored.framework.id), entity: 'framework', ...stored };
}

export function frameworkFromItem(item: Record<string, unknown>): StoredFramework {
  return storedFrameworkSchema.parse(item);
}
