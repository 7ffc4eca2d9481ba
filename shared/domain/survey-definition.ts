/**
 * Rules of a survey definition beyond its shape: questions feed `survey` leaves of the framework of
 * the survey's unit type (checked by the engine's compileSurvey, so the definition the route
 * accepts is exactly one the computation can use), every group named anywhere is a declared
 * group, every group has a target sample, and Yamane targets can be worked out.
 */
import type { Framework } from '../schemas/files/framework.ts';
import { formatPath } from '../schemas/issues.ts';
import type { FieldError } from './errors.ts';
import type { SurveyDefinitionInput, TargetSample } from '../schemas/files/survey-definition.ts';
import { fromInteger, fromNumber, ONE } from './exact.ts';
import { leaves } from './framework.ts';
import { compileSurvey, type CompiledSurvey } from './survey-aggregation.ts';

export interface DefinitionCheck {
  errors: FieldError[];
  /** Allowed but worth telling the administrator (a leaf nobody is asked about scores 0). */
  warnings: string[];
  compiled?: CompiledSurvey;
}

/** The options a question is answered with: its own, else the survey's. */
export function questionOptions(definition: SurveyDefinitionInput, questionIndex: number): Record<string, number | null> {
  const q = definition.questions[questionIndex];
  return q?.options ?? definition.options;
}

export function checkDefinition(definition: SurveyDefinitionInput, framework: Framework, unitIds: ReadonlySet<string>): DefinitionCheck {
  const errors: FieldError[] = [];
  const warnings: string[] = [];
  const groups = new Set(Object.keys(definition.groups));
  const known = (g: string) => groups.has(g);
  const list = [...groups].join(', ');

  const compiled = compileSurvey(definition, framework);
  if (!compiled.ok) errors.push(...compiled.errors);

  definition.questions.forEach((q, i) => {
    (q.groups ?? []).forEach((g, j) => {
      if (!known(g)) errors.push({ path: formatPath(['questions', i, 'groups', j]), message: `"${g}" is not one of the groups (${list})` });
    });
    if (q.groups && new Set(q.groups).size !== q.groups.length)
      errors.push({ path: formatPath(['questions', i, 'groups']), message: 'lists a group twice' });
  });
  for (const g of Object.keys(definition.groupWeights)) {
    if (!known(g)) errors.push({ path: formatPath(['groupWeights', g]), message: `"${g}" is not one of the groups (${list})` });
  }
  for (const key of Object.keys(definition.optionLabels ?? {})) {
    if (!Object.hasOwn(definition.options, key))
      errors.push({ path: formatPath(['optionLabels', key]), message: `"${key}" is not one of the options` });
  }
  for (const g of groups) {
    if (!Object.hasOwn(definition.targetSample, g))
      errors.push({ path: formatPath(['targetSample', g]), message: 'every group needs a target sample' });
    if (!definition.questions.some((q) => !q.groups || q.groups.includes(g))) warnings.push(`group "${g}" is asked no question`);
  }
  for (const [g, target] of Object.entries(definition.targetSample)) {
    if (!known(g)) errors.push({ path: formatPath(['targetSample', g]), message: `"${g}" is not one of the groups (${list})` });
    // A figure not supplied yet is fine (the reference surveys name "dossiersHandled"): the target reads null until it is.
    if (
      typeof target === 'object' &&
      typeof target.population === 'string' &&
      !(definition.populations && Object.hasOwn(definition.populations, target.population))
    ) {
      warnings.push(`target of group "${g}": population figure "${target.population}" is not given yet, so the target is unknown`);
    }
  }
  for (const [figure, byUnit] of Object.entries(definition.populations ?? {})) {
    for (const unitId of Object.keys(byUnit)) {
      if (!unitIds.has(unitId))
        errors.push({ path: formatPath(['populations', figure, unitId]), message: `"${unitId}" is not a ${framework.unitType} unit` });
    }
  }
  const asked = new Set(definition.questions.map((q) => q.leaf));
  for (const { leaf } of leaves(framework)) {
    if (leaf.method === 'survey' && !asked.has(leaf.code)) warnings.push(`survey leaf ${leaf.code} has no question: it will score 0`);
  }
  return { errors, warnings, ...(compiled.ok && errors.length === 0 ? { compiled: compiled.survey } : {}) };
}

/** A record's own value (never one inherited from Object.prototype). */
function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Yamane's sample size n = N / (1 + N·e²), exact and rounded up (a sample is whole people). */
export function yamane(population: number, margin: number): number {
  if (population <= 0) return 0;
  const n = fromInteger(population);
  const e = fromNumber(margin);
  return Number(n.div(ONE.add(n.mul(e).mul(e))).ceil().n);
}

/** A unit's target for one group; null when the population figure of a Yamane target is unknown. */
export function targetFor(definition: SurveyDefinitionInput, group: string, unitId: string): number | null {
  const target: TargetSample | undefined = Object.hasOwn(definition.targetSample, group) ? definition.targetSample[group] : undefined;
  if (target === undefined) return null;
  if (typeof target === 'number') return target;
  const figure = typeof target.population === 'string' ? ownValue(definition.populations, target.population) : undefined;
  const population = typeof target.population === 'number' ? target.population : ownValue(figure, unitId);
  return population === undefined ? null : yamane(population, target.margin);
}

/**
 * Once responses exist, a new definition may reweigh, relabel and add, but not take away a
 * question, an option or a group: stored answers would lose their meaning.
 */
export function removalsOnceAnswered(before: SurveyDefinitionInput, after: SurveyDefinitionInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const g of Object.keys(before.groups)) {
    if (!Object.hasOwn(after.groups, g))
      errors.push({ path: formatPath(['groups', g]), message: 'responses exist for this survey: a group cannot be removed' });
  }
  const afterQuestions = new Map(after.questions.map((q, i) => [q.id, i]));
  before.questions.forEach((q, i) => {
    const j = afterQuestions.get(q.id);
    if (j === undefined) {
      errors.push({ path: 'questions', message: `responses exist for this survey: question "${q.id}" cannot be removed` });
      return;
    }
    const kept = questionOptions(after, j);
    for (const key of Object.keys(questionOptions(before, i))) {
      if (!Object.hasOwn(kept, key))
        errors.push({
          path: formatPath(['questions', j]),
          message: `responses exist: option "${key}" of question "${q.id}" cannot be removed`,
        });
    }
    const nowGroups = after.questions[j]?.groups;
    for (const g of q.groups ?? Object.keys(before.groups)) {
      if (nowGroups && !nowGroups.includes(g))
        errors.push({
          path: formatPath(['questions', j, 'groups']),
          message: `responses exist: group "${g}" cannot be dropped from question "${q.id}"`,
        });
    }
  });
  return errors;
}
