/**
 * The Ministry form's rows, columns and title: what both writers (HTML in ministry-form.ts, XLSX in
 * ministry-xlsx.ts) share. Types and constants only, so that the XLSX writer, which the export
 * imports on demand, pulls nothing else into its lazily evaluated part of the bundle.
 */
import type { MinistryScore } from '../domain/ministry-score.ts';

export interface FormRow {
  code: string;
  name: string;
  depth: number;
  leaf: boolean;
  /** "Tự đánh giá" or "Bộ Nội vụ điều tra" for leaves. */
  method?: 'self' | 'survey';
  maxPoints: number;
  self: number | null;
  ministry: number | null;
  evidence: string[];
  note: string;
  /** The departments the cycle assigns this row's area (or criterion) to. */
  assignedTo: string[];
}

export interface MinistryForm {
  year: number;
  unitName: string;
  frameworkName: string;
  state: string;
  submittedAt?: string;
  rows: FormRow[];
  total: { maxPoints: number; self: number; ministry: number | null };
  ministry?: Pick<MinistryScore, 'decision' | 'recordedAt' | 'note'>;
}

export const formColumns = [
  'STT',
  'Lĩnh vực, tiêu chí, tiêu chí thành phần',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Điểm Bộ Nội vụ thẩm định',
  'Tài liệu kiểm chứng',
  'Ghi chú',
  'Cơ quan phụ trách',
] as const;

export const methodNote = (row: FormRow) => (row.method === 'survey' ? 'Điểm điều tra xã hội học do Bộ Nội vụ công bố' : '');

export const formTitle = (form: MinistryForm) => `Biểu tự đánh giá, chấm điểm Chỉ số CCHC năm ${form.year} — ${form.unitName}`;
