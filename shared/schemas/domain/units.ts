import { unitTypeSchema } from '../unit-types.ts';
import * as z from 'zod/mini';
import { idString, nfcText, deferred } from '../zod.ts';
import { cycleYears } from '../../domain/cycle-years.ts';

export const unitStatuses = ['active', 'retired', 'merged'] as const;
export const unitStatusSchema = deferred(() => z.enum(unitStatuses));
export type UnitStatus = z.infer<typeof unitStatusSchema>;

/** A year a unit exists from or to (inclusive): the cycle years the API accepts. */
export const unitYear = deferred(() => z.number().check(z.int(), z.gte(cycleYears.first), z.lte(cycleYears.last)));

export const unitSchema = deferred(() =>
  z
    .object({
      id: idString,
      type: unitTypeSchema,
      name: z.string(),
      parentId: z.optional(idString),
      adminCode: z.optional(z.string()),
      /** First and last cycle year the unit is assessed in (inclusive); absent: open-ended. */
      validFrom: z.optional(unitYear),
      validTo: z.optional(unitYear),
      /** Absent: active (units stored before statuses existed). */
      status: z.optional(unitStatusSchema),
      /** A merged unit's successor: its history stays under its own id and points here. */
      successorId: z.optional(idString),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'Unit' }),
);
export type Unit = z.infer<typeof unitSchema>;

export const unitParams = deferred(() => z.strictObject({ unitId: idString }));

export const listUnitsQuery = deferred(() =>
  z.strictObject({
    type: z.optional(unitTypeSchema),
    parent: z.optional(idString),
  }),
);

/** The official statistics code of a unit (2 digits for a province, 3 for a district, 5 for a commune). */
export const adminCodeSchema = deferred(() =>
  z.string().check(z.regex(/^[0-9]{2,5}$/, 'must be 2 to 5 digits (official statistics code)')),
);

export const unitListSchema = deferred(() => z.object({ units: z.array(unitSchema) }).register(z.globalRegistry, { id: 'UnitList' }));

export const putUnitBody = deferred(() =>
  z.strictObject({
    type: unitTypeSchema,
    name: nfcText(1, 300),
    parentId: z.optional(idString),
    adminCode: z.optional(adminCodeSchema),
    validFrom: z.optional(unitYear),
    validTo: z.optional(unitYear),
    expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);
export type PutUnitBody = z.infer<typeof putUnitBody>;
