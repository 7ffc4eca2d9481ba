/** Key templates of the single table: every entity's keys are built here and nowhere else. */
export const keys = {
  // Units, frameworks, cycles, results and pipeline steps: shared/store/entities/.
  /** The cycle's item; its partition holds the cycle's surveys, imports, results and pipeline steps. */
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

/** Respondents of one survey are spread over this many partitions (cloud write throughput per partition). */
export const respondentShards = 16;

/** FNV-1a over the UTF-16 code units: a stable, cheap spread of respondent ids over the shards. */
function shardOf(respondentId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < respondentId.length; i++) h = Math.imul(h ^ respondentId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % respondentShards;
}

/** The survey: definition (keys.survey), imports and the ingestion lease in the cycle partition; the rest in its own partitions. */
export const surveyKeys = {
  import: (year: number, surveyId: string, importId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}#IMPORT#${importId}` }),
  importPrefix: (surveyId: string) => `SURVEY#${surveyId}#IMPORT#`,
  /** One ingestion at a time per survey: the duplicate check reads the respondents it then extends. */
  lease: (year: number, surveyId: string) => ({ pk: `CYCLE#${year}`, sk: `SURVEY#${surveyId}#INGEST-LEASE` }),
  /** An import's row report (rejected and duplicate rows, by line) and its checkpoint. */
  importRows: (year: number, surveyId: string, importId: string) => `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
  importRow: (year: number, surveyId: string, importId: string, line: number) => ({
    pk: `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
    sk: `ROW#${String(line).padStart(10, '0')}`,
  }),
  checkpoint: (year: number, surveyId: string, importId: string) => ({
    pk: `SURVEYIMPORT#${year}#${surveyId}#${importId}`,
    sk: 'CHECKPOINT',
  }),
  /** A respondent counted once per survey, whichever file or re-upload brings the id again. */
  respondentPartition: (year: number, surveyId: string, shard: number) => `SURVEYRESP#${year}#${surveyId}#${shard}`,
  respondent: (year: number, surveyId: string, respondentId: string) => ({
    pk: `SURVEYRESP#${year}#${surveyId}#${shardOf(respondentId)}`,
    sk: `R#${respondentId}`,
  }),
  /** Answer counts per (unit, group, source): one item per import and one for the online channel. */
  tallyPartition: (year: number, surveyId: string) => `SURVEYTALLY#${year}#${surveyId}`,
  tally: (year: number, surveyId: string, unitId: string, group: string, source: string) => ({
    pk: `SURVEYTALLY#${year}#${surveyId}`,
    sk: `${unitId}#${group}#${source}`,
  }),
  invitation: (codeHash: string) => ({ pk: `INVITE#${codeHash}`, sk: 'INVITE' }),
} as const;
