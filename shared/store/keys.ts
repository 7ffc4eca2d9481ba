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

/** One unit's assessment in a cycle: header, leaf items and evidence share a partition (one Query reads all). */
export const assessmentKeys = {
  partition: (year: number, unitId: string) => `ASSESS#${year}#${unitId}`,
  header: (year: number, unitId: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: 'META' }),
  item: (year: number, unitId: string, code: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: `ITEM#${code}` }),
  evidence: (year: number, unitId: string, evidenceId: string) => ({ pk: `ASSESS#${year}#${unitId}`, sk: `EVIDENCE#${evidenceId}` }),
  /** gsi1: a cycle's assessments by state, for worklists. */
  headerIndex: (year: number, unitType: string, state: string, unitId: string) => ({
    gsi1pk: `ASSESSMENTS#${year}`,
    gsi1sk: `${unitType}#${state}#${unitId}`,
  }),
  /** The audit subject of an assessment (history route). */
  auditSubject: (year: number, unitId: string) => `ASSESS#${year}#${unitId}`,
  idempotency: (hash: string) => ({ pk: `IDEMPOTENCY#${hash}`, sk: 'IDEMPOTENCY' }),
} as const;
