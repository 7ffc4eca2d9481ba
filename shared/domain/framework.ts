/**
 * Criteria framework: the rules a framework must satisfy beyond its zod shape (DESIGN §3.4), and
 * the look-ups the scoring, the assessment API and the CLI share.
 *
 * `parseFramework` reports every problem at once, each with a JSON path
 * (`areas[2].items[0].maxPoints`) and a message naming the rule, so an admin can fix a framework
 * in one pass. All sums are exact (see exact.ts): 0.1 + 0.2 must equal 0.3 here.
 */
import { crosswalkErrors } from './crosswalk.ts';
import { frameworkSchema, isLeaf, type Area, type Framework, type FrameworkNode, type Leaf } from '../schemas/files/framework.ts';
import { compareCodes } from './codes.ts';
import { fieldErrors, type FieldError } from '../schemas/issues.ts';
import { fromNumber, isMultipleOf, QUARTER, sum, toDecimalString, type Exact } from './exact.ts';

export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: FieldError[] };

/** A leaf with where it sits: its area and the codes above it (area first, parent last). */
export interface LeafEntry {
  leaf: Leaf;
  areaCode: string;
  ancestors: string[];
  /** JSON path of the leaf inside the framework, e.g. `areas[0].items[1].items[0]`. */
  path: string;
}

/** Framework nodes that carry children (areas included). */
interface Parent {
  code: string;
  maxPoints: number;
  items: FrameworkNode[];
}

const fmt = (x: Exact) => toDecimalString(x);

export function parseFramework(input: unknown): ParseFrameworkResult {
  const shape = frameworkSchema.safeParse(input);
  if (!shape.success) {
    // A node that has `items` is a group (second union branch); otherwise report it as a leaf.
    const pick = (v: unknown) => (v !== null && typeof v === 'object' && 'items' in v ? 1 : 0);
    return { ok: false, errors: fieldErrors(shape.error.issues, input, pick) };
  }
  const errors = frameworkErrors(shape.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, framework: shape.data };
}

/** The semantic rules, on a framework that already has the right shape. */
export function frameworkErrors(framework: Framework): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  const err = (path: string, message: string) => errors.push({ path, message });

  const checkCode = (code: string, path: string, parentCode: string | undefined) => {
    const first = seen.get(code);
    if (first !== undefined) err(`${path}.code`, `duplicate code "${code}" (already used at ${first})`);
    else seen.set(code, path);
    if (parentCode !== undefined && !code.startsWith(`${parentCode}.`))
      err(`${path}.code`, `"${code}" must start with its parent's code "${parentCode}."`);
  };

  // Siblings in natural order (1.2 before 1.10, 1.1.a before 1.1.b): the annex, forms and reports
  // print in framework order, so a code out of order is a typing error in the framework.
  const checkOrder = (siblings: readonly { code: string }[], pathOf: (i: number) => string) =>
    siblings.forEach((node, i) => {
      const before = siblings[i - 1];
      if (before && compareCodes(before.code, node.code) >= 0) err(`${pathOf(i)}.code`, `"${node.code}" must come after "${before.code}"`);
    });

  const checkChildrenSum = (node: Parent, path: string) => {
    const total = sum(node.items.map((c) => fromNumber(c.maxPoints)));
    if (!fromNumber(node.maxPoints).equals(total))
      err(`${path}.maxPoints`, `${node.maxPoints} must equal the sum of its items' maxPoints (${fmt(total)})`);
  };

  const visit = (node: FrameworkNode, path: string, parentCode: string) => {
    checkCode(node.code, path, parentCode);
    if (isLeaf(node)) {
      errors.push(...leafErrors(node, path));
      return;
    }
    checkChildrenSum(node, path);
    checkOrder(node.items, (i) => `${path}.items[${i}]`);
    node.items.forEach((child, i) => visit(child, `${path}.items[${i}]`, node.code));
  };

  checkOrder(framework.areas, (i) => `areas[${i}]`);
  framework.areas.forEach((area, i) => {
    const path = `areas[${i}]`;
    checkCode(area.code, path, undefined);
    checkChildrenSum(area, path);
    checkOrder(area.items, (j) => `${path}.items[${j}]`);
    area.items.forEach((child, j) => visit(child, `${path}.items[${j}]`, area.code));
  });

  const areaTotal = sum(framework.areas.map((a) => fromNumber(a.maxPoints)));
  if (!fromNumber(framework.maxTotal).equals(areaTotal))
    err('maxTotal', `${framework.maxTotal} must equal the sum of the areas' maxPoints (${fmt(areaTotal)})`);
  if (framework.maxTotal <= 0) err('maxTotal', 'must be greater than 0');

  const adjustmentCodes = new Map<string, number>();
  framework.adjustments.forEach((a, i) => {
    const first = adjustmentCodes.get(a.code);
    if (first !== undefined) err(`adjustments[${i}].code`, `duplicate adjustment code "${a.code}" (already used at adjustments[${first}])`);
    else adjustmentCodes.set(a.code, i);
    if (a.maxPoints <= 0) err(`adjustments[${i}].maxPoints`, 'must be greater than 0');
  });

  errors.push(...bandErrors(framework.bands));
  errors.push(...crosswalkErrors(framework));
  return errors;
}

function leafErrors(leaf: Leaf, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const err = (p: string, message: string) => errors.push({ path: p, message });
  const max = fromNumber(leaf.maxPoints);
  if (leaf.maxPoints <= 0) err(`${path}.maxPoints`, 'a leaf must be worth more than 0 points');
  if (leaf.method === 'survey') {
    if (leaf.rule) err(`${path}.rule`, 'a survey leaf takes no rule: its score comes from the survey');
    return errors;
  }
  // Self scores are multiples of 0.25, so a self leaf's maximum must be one too (else unreachable).
  if (!isMultipleOf(max, QUARTER))
    err(`${path}.maxPoints`, `${leaf.maxPoints} is not a multiple of 0.25 (self leaves score in quarter points)`);
  const rule = leaf.rule;
  if (!rule) {
    err(`${path}.rule`, 'a self leaf needs a rule (tiers, boolean or manual)');
    return errors;
  }
  if (rule.kind === 'manual' && rule.step !== undefined && !isMultipleOf(fromNumber(rule.step), QUARTER))
    err(`${path}.rule.step`, `${rule.step} is not a multiple of 0.25`);
  if (rule.kind === 'tiers') {
    const mins = new Map<string, number>();
    rule.tiers.forEach((tier, i) => {
      const p = `${path}.rule.tiers[${i}]`;
      const points = fromNumber(tier.points);
      if (points.compare(max) > 0) err(`${p}.points`, `${tier.points} is above the leaf's maxPoints ${leaf.maxPoints}`);
      if (!isMultipleOf(points, QUARTER)) err(`${p}.points`, `${tier.points} is not a multiple of 0.25`);
      const key = fmt(fromNumber(tier.min));
      const first = mins.get(key);
      if (first !== undefined) err(`${p}.min`, `duplicate tier min ${tier.min} (already at tiers[${first}])`);
      else mins.set(key, i);
    });
  }
  return errors;
}

function bandErrors(bands: Framework['bands']): FieldError[] {
  const errors: FieldError[] = [];
  const labels = new Set<string>();
  bands.forEach((band, i) => {
    if (labels.has(band.label)) errors.push({ path: `bands[${i}].label`, message: `duplicate band label "${band.label}"` });
    labels.add(band.label);
    const previous = i > 0 ? bands[i - 1] : undefined;
    if (previous && fromNumber(band.min).compare(fromNumber(previous.min)) >= 0)
      errors.push({
        path: `bands[${i}].min`,
        message: `bands must be listed from the highest min down: ${band.min} is not below ${previous.min}`,
      });
  });
  const last = bands[bands.length - 1];
  if (last && last.min !== 0)
    errors.push({
      path: `bands[${bands.length - 1}].min`,
      message: `the last band must start at 0 so every index gets a band, got ${last.min}`,
    });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Look-ups. Built once per framework object and cached: scoring calls them for every unit.

interface FrameworkIndex {
  leaves: LeafEntry[];
  byCode: Map<string, Area | FrameworkNode>;
  leafByCode: Map<string, LeafEntry>;
}

const indexes = new WeakMap<Framework, FrameworkIndex>();

function indexOf(framework: Framework): FrameworkIndex {
  const cached = indexes.get(framework);
  if (cached) return cached;
  const index: FrameworkIndex = { leaves: [], byCode: new Map(), leafByCode: new Map() };
  const visit = (node: FrameworkNode, path: string, areaCode: string, ancestors: string[]) => {
    index.byCode.set(node.code, node);
    if (isLeaf(node)) {
      const entry = { leaf: node, areaCode, ancestors, path };
      index.leaves.push(entry);
      index.leafByCode.set(node.code, entry);
    } else node.items.forEach((c, i) => visit(c, `${path}.items[${i}]`, areaCode, [...ancestors, node.code]));
  };
  framework.areas.forEach((area, i) => {
    index.byCode.set(area.code, area);
    area.items.forEach((c, j) => visit(c, `areas[${i}].items[${j}]`, area.code, [area.code]));
  });
  indexes.set(framework, index);
  return index;
}

/** Every leaf in framework order, with its area code and ancestry. */
export function leaves(framework: Framework): LeafEntry[] {
  return indexOf(framework).leaves;
}

/** The area, group or leaf with this code. */
export function findNode(framework: Framework, code: string): Area | FrameworkNode | undefined {
  return indexOf(framework).byCode.get(code);
}

/** The leaf with this code, with its position; undefined for groups, areas and unknown codes. */
export function findLeaf(framework: Framework, code: string): LeafEntry | undefined {
  return indexOf(framework).leafByCode.get(code);
}

/** Leaves that apply to a unit: a `notApplicable` code exempts itself and everything below it. */
export function applicableLeaves(framework: Framework, notApplicable: readonly string[]): LeafEntry[] {
  if (notApplicable.length === 0) return leaves(framework);
  const exempt = new Set(notApplicable);
  return leaves(framework).filter((e) => !exempt.has(e.leaf.code) && !e.ancestors.some((c) => exempt.has(c)));
}

/** The applicable leaf with this code for a unit with these exemptions; undefined otherwise. */
export function findApplicableLeaf(framework: Framework, code: string, notApplicable: readonly string[]): LeafEntry | undefined {
  const entry = findLeaf(framework, code);
  if (!entry) return undefined;
  const exempt = new Set(notApplicable);
  return exempt.has(code) || entry.ancestors.some((c) => exempt.has(c)) ? undefined : entry;
}
