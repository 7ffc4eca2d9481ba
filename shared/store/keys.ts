/** Key templates of the single table: every entity's keys are built here and nowhere else. */
export const keys = {
  unit: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'META' }),
  /** gsi1: units by type, then parent, for the registry filters. */
  unitIndex: (type: string, parentId: string | undefined, unitId: string) => ({
    gsi1pk: `UNITS#${type}`,
    gsi1sk: `${parentId ?? '-'}#${unitId}`,
  }),
  framework: (frameworkId: string) => ({ pk: `FRAMEWORK#${frameworkId}`, sk: 'META' }),
  cycle: (year: number) => ({ pk: `CYCLE#${year}`, sk: 'META' }),
  survey: (year: number, surveyId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}` }),
  /** Audit events of one subject, newest last in key order (sk starts with the ISO time). */
  audit: (subject: string, at: string, eventId: string) => ({ pk: `AUDIT#${subject}`, sk: `${at}#${eventId}` }),
  auditPartition: (subject: string) => `AUDIT#${subject}`,
} as const;
