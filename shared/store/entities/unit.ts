/** The unit item: one per unit, indexed by type and parent on gsi1 for the registry filters. */
import { unitSchema, type Unit } from '../../schemas/domain/units.ts';

export const unitKeys = {
  item: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'META' }),
  /** gsi1: units by type, then parent. */
  index: (type: string, parentId: string | undefined, unitId: string) => ({
    gsi1pk: `UNITS#${type}`,
    gsi1sk: `${parentId ?? '-'}#${unitId}`,
  }),
  typePartition: (type: string) => `UNITS#${type}`,
  /** The gsi1 sort-key prefix of a parent's children. */
  parentPrefix: (parentId: string) => `${parentId}#`,
  auditSubject: (unitId: string) => `UNIT#${unitId}`,
} as const;

export function unitToItem(unit: Unit): Record<string, unknown> {
  return { ...unitKeys.item(unit.id), ...unitKeys.index(unit.type, unit.parentId, unit.id), entity: 'unit', ...unit };
}

/** The stored unit, checked: keys and index attributes are dropped by the schema. */
export function unitFromItem(item: Record<string, unknown>): Unit {
  return unitSchema.parse(item);
}
