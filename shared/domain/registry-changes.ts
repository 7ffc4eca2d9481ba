/**
 * A registry change as data: rows (from an import file, or one built by `retire`) describe the
 * whole wanted state of each unit they name; units the rows do not name stay as they are. The plan
 * checks every row against the registry as it will be after all rows apply (so a file may create a
 * district and its communes, or move communes off a district it retires), and says per row what
 * would change. Problems are values with the row's line: nothing is written while there is one.
 */
import { unitTypes, type UnitType } from '../schemas/unit-types.ts';
import type { Unit, UnitStatus } from '../schemas/domain/units.ts';
import { cycleYears } from './cycle-years.ts';
import { parentRuleViolation } from './unit-registry.ts';

export type UnitState = Omit<Unit, 'version'>;

export interface RegistryRow {
  line: number;
  id: string;
  type: string;
  name: string;
  parent: string;
  adminCode: string;
  validFrom: string;
  validTo: string;
  successor: string;
}

export type ChangeAction = 'create' | 'update' | 'retire' | 'merge' | 'unchanged';

export interface PlannedChange {
  line: number;
  unitId: string;
  action: ChangeAction;
  before?: UnitState;
  after?: UnitState;
}

export interface RowProblem {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface RegistryPlan {
  summary: Record<'rows' | ChangeAction, number>;
  changes: PlannedChange[];
  problems: RowProblem[];
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const codePattern = /^[0-9]{2,5}$/;
const isCycleYear = (text: string) => /^[0-9]{4}$/.test(text) && Number(text) >= cycleYears.first && Number(text) <= cycleYears.last;

/** One row's own fields as a unit state, or its problems (checks that need no other row). */
function rowState(row: RegistryRow, problems: RowProblem[]): UnitState | undefined {
  const start = problems.length;
  const problem = (field: string, code: string, message: string) => problems.push({ line: row.line, field, code, message });
  if (!idPattern.test(row.id)) problem('id', 'INVALID', 'Mã đơn vị chỉ gồm chữ, số, ".", "_", "-" (tối đa 64 ký tự)');
  if (!(unitTypes as readonly string[]).includes(row.type))
    problem('type', 'INVALID', `Loại đơn vị phải là một trong: ${unitTypes.join(', ')}`);
  const name = row.name.normalize('NFC').trim();
  if (name.length === 0 || name.length > 300) problem('name', 'REQUIRED', 'Tên đơn vị bắt buộc (tối đa 300 ký tự)');
  if (row.parent && !idPattern.test(row.parent)) problem('parent', 'INVALID', 'Mã đơn vị cấp trên không hợp lệ');
  if (row.adminCode && !codePattern.test(row.adminCode)) problem('adminCode', 'INVALID', 'Mã hành chính gồm 2 đến 5 chữ số');
  for (const field of ['validFrom', 'validTo'] as const) {
    if (row[field] && !isCycleYear(row[field]))
      problem(field, 'INVALID', `Năm phải viết bằng 4 chữ số, từ ${cycleYears.first} đến ${cycleYears.last}`);
  }
  if (row.validFrom && row.validTo && Number(row.validFrom) > Number(row.validTo)) {
    problem('validTo', 'YEAR_RANGE', 'Năm kết thúc không được trước năm bắt đầu');
  }
  if (row.successor && !row.validTo) problem('validTo', 'REQUIRED', 'Đơn vị sáp nhập cần năm kết thúc (validTo)');
  if (row.successor && row.successor === row.id) problem('successor', 'SUCCESSOR_RULE', 'Đơn vị không thể sáp nhập vào chính nó');
  if (problems.length > start) return undefined;
  const status: UnitStatus = row.successor ? 'merged' : row.validTo ? 'retired' : 'active';
  return {
    id: row.id,
    type: row.type as UnitType,
    name,
    ...(row.parent ? { parentId: row.parent } : {}),
    ...(row.adminCode ? { adminCode: row.adminCode } : {}),
    ...(row.validFrom ? { validFrom: Number(row.validFrom) } : {}),
    ...(row.validTo ? { validTo: Number(row.validTo) } : {}),
    status,
    ...(row.successor ? { successorId: row.successor } : {}),
  };
}

const compared = ['type', 'name', 'parentId', 'adminCode', 'validFrom', 'validTo', 'status', 'successorId'] as const;

function sameUnit(a: UnitState, b: UnitState): boolean {
  const value = (u: UnitState, k: (typeof compared)[number]) => (k === 'status' ? (u.status ?? 'active') : u[k]);
  return compared.every((k) => value(a, k) === value(b, k));
}

function actionOf(before: UnitState | undefined, after: UnitState): ChangeAction {
  if (!before) return 'create';
  if (sameUnit(before, after)) return 'unchanged';
  if (after.status === 'merged' && (before.status !== 'merged' || before.successorId !== after.successorId)) return 'merge';
  if (after.status === 'retired' && before.status !== 'retired') return 'retire';
  return 'update';
}

/** Whether a unit still runs open-ended (no last year): such a unit cannot hang under, or merge into, one that ends. */
const endsBy = (unit: UnitState, year: number) => unit.validTo !== undefined && unit.validTo <= year;

const typeNames: Record<UnitType, string> = { province: 'tỉnh', department: 'sở, ngành', district: 'huyện', commune: 'xã' };

function parentProblem(unit: UnitState, parent: UnitState | undefined): [code: string, message: string] {
  if (!unit.parentId) return ['PARENT_RULE', `Đơn vị cấp ${typeNames[unit.type]} cần đơn vị cấp trên`];
  if (unit.parentId === unit.id) return ['PARENT_RULE', 'Đơn vị không thể trực thuộc chính nó'];
  if (!parent) return ['UNKNOWN_PARENT', `Không có đơn vị cấp trên ${unit.parentId} trong danh mục hay trong tệp`];
  return ['PARENT_RULE', `Đơn vị cấp ${typeNames[unit.type]} không trực thuộc được đơn vị cấp ${typeNames[parent.type]}`];
}

/** Checks of each row against the registry after all rows apply. */
function crossProblems(rows: Map<string, { line: number; state: UnitState }>, after: Map<string, UnitState>, live: Map<string, UnitState>) {
  const problems: RowProblem[] = [];
  const codeHolders = new Map<string, string[]>();
  for (const unit of after.values())
    if (unit.adminCode) codeHolders.set(unit.adminCode, [...(codeHolders.get(unit.adminCode) ?? []), unit.id]);
  for (const { line, state } of rows.values()) {
    const problem = (field: string, code: string, message: string) => problems.push({ line, field, code, message });
    const before = live.get(state.id);
    if (before && before.type !== state.type)
      problem('type', 'TYPE_CHANGE', `Không đổi được loại đơn vị (${before.type} → ${state.type}); hãy tạo đơn vị mới và sáp nhập`);
    const parent = state.parentId ? after.get(state.parentId) : undefined;
    const violation = parentRuleViolation(state, parent);
    if (violation) problem('parent', ...parentProblem(state, parent));
    else if (parent && parent.validTo !== undefined && (state.validTo === undefined || state.validTo > parent.validTo)) {
      problem('parent', 'PARENT_ENDED', `Đơn vị cấp trên ${parent.id} chỉ tồn tại đến năm ${parent.validTo}`);
    }
    if (state.successorId) {
      const successor = after.get(state.successorId);
      if (!successor) problem('successor', 'UNKNOWN_SUCCESSOR', `Không có đơn vị ${state.successorId} để sáp nhập vào`);
      else if (successor.type !== state.type) problem('successor', 'SUCCESSOR_RULE', `Đơn vị nhận sáp nhập phải cùng loại (${state.type})`);
      else if (endsBy(successor, state.validTo!))
        problem('successor', 'SUCCESSOR_RULE', `Đơn vị ${successor.id} cũng kết thúc, không nhận sáp nhập được`);
    }
    const holders = state.adminCode ? (codeHolders.get(state.adminCode) ?? []) : [];
    if (holders.length > 1) {
      const others = holders.filter((id) => id !== state.id).join(', ');
      problem('adminCode', 'DUPLICATE_ADMIN_CODE', `Mã hành chính ${state.adminCode} trùng với đơn vị ${others}`);
    }
    if (state.validTo !== undefined) {
      const children = [...after.values()].filter((u) => u.parentId === state.id && !endsBy(u, state.validTo!));
      if (children.length > 0) {
        const list = children
          .slice(0, 5)
          .map((u) => u.id)
          .join(', ');
        problem(
          'validTo',
          'ACTIVE_CHILDREN',
          `Còn ${children.length} đơn vị trực thuộc sau năm ${state.validTo} (${list}…): chuyển chúng sang đơn vị khác trước`,
        );
      }
    }
  }
  return problems;
}

/** The plan of `rows` against the live registry `units`. */
export function planRegistryChanges(rows: readonly RegistryRow[], units: readonly UnitState[]): RegistryPlan {
  const problems: RowProblem[] = [];
  const live = new Map(units.map((u) => [u.id, u]));
  const named = new Map<string, { line: number; state: UnitState }>();
  for (const row of rows) {
    const firstLine = named.get(row.id)?.line;
    if (firstLine !== undefined) {
      problems.push({ line: row.line, field: 'id', code: 'DUPLICATE_ID', message: `Mã đơn vị ${row.id} đã có ở dòng ${firstLine}` });
      continue;
    }
    const state = rowState(row, problems);
    if (state) named.set(state.id, { line: row.line, state });
  }
  const after = new Map(live);
  for (const { state } of named.values()) {
    after.set(state.id, state);
  }
  problems.push(...crossProblems(named, after, live));
  const changes: PlannedChange[] = [];
  const summary: RegistryPlan['summary'] = { rows: rows.length, create: 0, update: 0, retire: 0, merge: 0, unchanged: 0 };
  // A row with a problem is reported by its problems only: the summary counts what would apply.
  const refused = new Set(problems.map((p) => p.line));
  for (const { line, state } of named.values()) {
    if (refused.has(line)) continue;
    const before = live.get(state.id);
    const action = actionOf(before, state);
    summary[action]++;
    if (action !== 'unchanged') changes.push({ line, unitId: state.id, action, ...(before ? { before } : {}), after: state });
  }
  problems.sort((a, b) => a.line - b.line);
  return { summary, changes: changes.sort((a, b) => a.line - b.line), problems };
}

/** Whether a unit belongs to the registry of cycle `year`: within its years, and not ended without a last year. */
export function unitInYear(unit: Pick<UnitState, 'validFrom' | 'validTo' | 'status'>, year: number): boolean {
  if (unit.validFrom !== undefined && unit.validFrom > year) return false;
  if (unit.validTo !== undefined) return unit.validTo >= year;
  return unit.status === undefined || unit.status === 'active';
}

/** The row that describes a stored unit (retire and merge are built on it). */
export function rowOf(unit: UnitState, line = 1): RegistryRow {
  return {
    line,
    id: unit.id,
    type: unit.type,
    name: unit.name,
    parent: unit.parentId ?? '',
    adminCode: unit.adminCode ?? '',
    validFrom: unit.validFrom !== undefined ? String(unit.validFrom) : '',
    validTo: unit.validTo !== undefined ? String(unit.validTo) : '',
    successor: unit.successorId ?? '',
  };
}
