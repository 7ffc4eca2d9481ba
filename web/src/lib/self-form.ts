/** The clerk's form for one leaf, from the stored item and back to the PUT body. */
import type { AssessmentItem } from '../api/client';
import type { Link } from '../components/evidence-links';
import { fmtNumber, parseDecimal } from './format';
import type { Leaf } from './rules';

export interface SelfForm {
  selfScore: number | null;
  figure: string;
  note: string;
  evidence: Link[];
  noEvidenceReason: string;
}

export function formOf(item: AssessmentItem): SelfForm {
  return {
    selfScore: item.selfScore,
    figure: item.figure === null ? '' : typeof item.figure === 'boolean' ? String(item.figure) : fmtNumber(item.figure),
    note: item.note ?? '',
    evidence: item.evidence.map((e) => ({ evidenceId: e.evidenceId, page: e.page ?? '', fileName: e.fileName })),
    noEvidenceReason: item.noEvidenceReason ?? '',
  };
}

export function figureValue(leaf: Leaf, text: string): number | boolean | undefined {
  if (leaf.rule?.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (leaf.rule?.kind === 'tiers') return parseDecimal(text);
  return undefined;
}

export function selfBody(leaf: Leaf, f: SelfForm, expectedVersion: number) {
  const figure = figureValue(leaf, f.figure);
  const reason = f.noEvidenceReason.trim();
  return {
    selfScore: f.selfScore ?? 0,
    ...(figure !== undefined ? { figure } : {}),
    note: f.note,
    evidence: f.evidence.map((e) => ({ evidenceId: e.evidenceId, ...(e.page.trim() ? { page: e.page.trim() } : {}) })),
    ...(reason.length >= 10 ? { noEvidenceReason: reason } : {}),
    expectedVersion,
  };
}
