import { unitTypeSchema } from '../files/framework.ts';
import * as z from 'zod';
import { idString, nfcText } from '../zod.ts';
import { cycleYears } from '../../domain/cycle-years.ts';

export const unitStatuses = ['active', 'retired', 'merged'] as const;
export const unitStatusSchema = z.enum(unitStatuses);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

/** A year a unit exists from or to (inclusive): the cycle years the API accepts. */
export const unitYear = z.number().int().min(cycleYears.first).max(cycleYears.last);

export const unitSchema = z
  .object({
    id: idString,
    type: unitTypeSchema,
    name: z.string(),
    parentId: idString.optional(),
    adminCode: z.string().optional(),
    /** First and last cycle year the unit is assessed in (inclusive); absent: open-ended. */
    validFrom: unitYear.optional(),
    validTo: unitYear.optional(),
    /** Absent: active (units stored before statuses existed). */
    status: unitStatusSchema.optional(),
    /** A merged unit's successor: its history stays under its own id and points here. */
    successorId: idString.optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unitSchema>;

export const unitParams = z.strictObject({ unitId: idString });

export const listUnitsQuery = z.strictObject({
  type: unitTypeSchema.optional(),
  parent: idString.optional(),
});

/** The official statistics code of a unit (2 digits for a province, 3 for a district, 5 for a commune). */
export const adminCodeSchema = z.string().regex(/^[0-9]{2,5}$/, 'must be 2 to 5 digits (official statistics code)');

export const unitListSchema = z.object({ units: z.array(unitSchema) }).meta({ id: 'UnitList' });

export const putUnitBody = z.strictObject({
  type: unitTypeSchema,
  name: nfcText(1, 300),
  parentId: idString.optional(),
  adminCode: adminCodeSchema.optional(),
  validFrom: unitYear.optional(),
  validTo: unitYear.optional(),
  expectedVersion: z.number().int().min(0).optional(),
});
export type PutUnitBody = z.infer<typeof putUnitBody>;
