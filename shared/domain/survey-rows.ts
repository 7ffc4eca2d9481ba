/**
 * Checking survey answers, from an import row or an online response (DESIGN §3.4 "Survey
 * import"): the header `respondentId,unitId,group,<questionId>...`, then per row a known unit of
 * the survey's type, a known group, answers among the question's options and only to questions
 * asked of that group. A row reports every problem it has, so one fix per row is enough.
 */
import type { SurveyDefinitionInput } from '../schemas/files/survey-definition.ts';
import type { ErrorCode, FieldError } from './errors.ts';
import { questionOptions } from './survey-definition.ts';

export const fixedColumns = ['respondentId', 'unitId', 'group'] as const;

interface QuestionRule {
  id: string;
  options: ReadonlySet<string>;
  optionList: string;
  /** undefined: asked of every group */
  groups: ReadonlySet<string> | undefined;
}

export interface AnswerRules {
  unitType: string;
  units: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  questions: ReadonlyMap<string, QuestionRule>;
}

export function answerRules(definition: SurveyDefinitionInput, unitType: string, units: ReadonlySet<string>): AnswerRules {
  const questions = new Map<string, QuestionRule>();
  definition.questions.forEach((q, i) => {
    const keys = Object.keys(questionOptions(definition, i));
    questions.set(q.id, {
      id: q.id,
      options: new Set(keys),
      optionList: keys.join(', '),
      groups: q.groups ? new Set(q.groups) : undefined,
    });
  });
  return { unitType, units, groups: new Set(Object.keys(definition.groups)), questions };
}

/** Cells are compared as text people typed: NFC, trimmed (a cheap test skips pure ASCII). */
export function cleanCell(value: string): string {
  // eslint-disable-next-line no-control-regex
  const text = /[^\x00-\x7f]/.test(value) ? value.normalize('NFC') : value;
  return text.trim();
}

/** A refused header refuses the file (code IMPORT_FILE_REFUSED); the reason is the file's report. */
export type HeaderCheck = { ok: true; questionIds: string[] } | { ok: false; code: ErrorCode; reason: string };

/** The header decides the whole file: a wrong one would reject every row, so the file is refused. */
export function checkHeader(cells: readonly string[], rules: AnswerRules): HeaderCheck {
  const names = cells.map(cleanCell);
  const faults: string[] = [];
  fixedColumns.forEach((expected, i) => {
    if (names[i] !== expected) faults.push(`column ${i + 1} must be "${expected}", found "${names[i] ?? ''}"`);
  });
  const questionIds = names.slice(fixedColumns.length);
  const seen = new Set<string>();
  questionIds.forEach((id, i) => {
    const column = i + fixedColumns.length + 1;
    if (!rules.questions.has(id)) faults.push(`column ${column} "${id}" is not a question of this survey`);
    if (seen.has(id)) faults.push(`column ${column} repeats question "${id}"`);
    seen.add(id);
  });
  if (questionIds.length === 0) faults.push('the header names no question column');
  return faults.length > 0 ? { ok: false, code: 'IMPORT_FILE_REFUSED', reason: `header: ${faults.join('; ')}` } : { ok: true, questionIds };
}

export interface AcceptedAnswers {
  respondentId: string;
  unitId: string;
  group: string;
  /** question id → answer key (blank cells and nulls left out) */
  answers: Record<string, string>;
}

export type RowCheck = { ok: true; row: AcceptedAnswers } | { ok: false; respondentId: string; reason: string };

/** One data row (cells already split); `questionIds` come from the checked header. */
export function checkRow(cells: readonly string[], questionIds: readonly string[], rules: AnswerRules): RowCheck {
  const expected = fixedColumns.length + questionIds.length;
  const respondentId = cleanCell(cells[0] ?? '');
  if (cells.length !== expected) {
    return { ok: false, respondentId, reason: `the row has ${cells.length} cells, the header has ${expected}` };
  }
  const faults: string[] = [];
  if (respondentId === '') faults.push('respondentId is empty');
  else if (respondentId.length > 100) faults.push('respondentId is longer than 100 characters');
  // eslint-disable-next-line no-control-regex
  else if (/[\x00-\x1f\x7f]/.test(respondentId)) faults.push('respondentId contains control characters');
  const unitId = cleanCell(cells[1] ?? '');
  const group = cleanCell(cells[2] ?? '');
  const byId: Record<string, string | null> = {};
  questionIds.forEach((id, i) => (byId[id] = cleanCell(cells[fixedColumns.length + i] ?? '')));
  const checked = checkAnswers(unitId, group, byId, rules);
  faults.push(...checked.errors.map((e) => (e.path === 'unitId' || e.path === 'group' ? e.message : `${e.path}: ${e.message}`)));
  if (faults.length > 0) return { ok: false, respondentId, reason: faults.join('; ') };
  return { ok: true, row: { respondentId, unitId, group, answers: checked.answers } };
}

/**
 * The shared core of rows and online responses. Errors carry paths relative to the answers: the
 * question id (or `unitId`/`group` for the binding, `answers` for the whole); a response with no
 * answer at all is not a response. Only own keys are read and questions are looked up in a Map,
 * so `__proto__` or `constructor` is just an unknown question.
 */
export function checkAnswers(
  unitId: string,
  group: string,
  raw: Readonly<Record<string, string | null>>,
  rules: AnswerRules,
): { answers: Record<string, string>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (unitId === '') errors.push({ path: 'unitId', message: 'unitId is empty' });
  else if (!rules.units.has(unitId))
    errors.push({ path: 'unitId', message: `unit "${unitId}" is not a ${rules.unitType} unit of this survey` });
  const groupKnown = rules.groups.has(group);
  if (!groupKnown) errors.push({ path: 'group', message: `group "${group}" is not one of ${[...rules.groups].join(', ')}` });
  const answers: Record<string, string> = {};
  for (const [id, value] of Object.entries(raw)) {
    const q = rules.questions.get(id);
    if (!q) {
      errors.push({ path: id, message: 'is not a question of this survey' });
      continue;
    }
    if (value === null || value === '') continue;
    if (!q.options.has(value)) {
      errors.push({ path: id, message: `answer "${value}" is not one of the options ${q.optionList}` });
      continue;
    }
    if (groupKnown && q.groups && !q.groups.has(group)) {
      errors.push({ path: id, message: `is not asked of group "${group}"` });
      continue;
    }
    answers[id] = value;
  }
  if (errors.length === 0 && Object.keys(answers).length === 0) errors.push({ path: 'answers', message: 'no question is answered' });
  return { answers, errors };
}
