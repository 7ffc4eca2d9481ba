import { unitTypeSchema } from '../files/framework.ts';
import * as z from 'zod';
import { idString, nfcText } from '../zod.ts';

export const unitSchema = z
  .object({
    id: idString,
    type: unitTypeSchema,
    name: z.string(),
    parentId: idString.optional(),
    adminCode: z.string().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unitSchema>;

export const unitParams = z.strictObject({ unitId: idString });

export const listUnitsQuery = z.strictObject({
  type: unitTypeSchema.optional(),
  parent: idString.optional(),
});

export const unitListSchema = z.object({ units: z.array(unitSchema) }).meta({ id: 'UnitList' });

export const putUnitBody = z.strictObject({
  type: unitTypeSchema,
  name: nfcText(1, 300),
  parentId: idString.optional(),
  adminCode: z
    .string()
    .regex(/^[0-9]{2,5}$/, 'must be 2 to 5 digits (official statistics code)')
    .optional(),
  expectedVersion: z.number().int().min(0).optional(),
});
export type PutUnitBody = z.infer<typeof putUnitBody>;
