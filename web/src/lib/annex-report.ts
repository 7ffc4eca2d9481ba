/**
 * The framework annex import report in Vietnamese: each row the reader refused by its stable
 * `code` (shared/domain/framework-annex.ts), and each framework rule broken by the criterion it
 * names and what the English rule message says (the API keeps English for logs and the CLI).
 */
import type { AnnexProblemCode } from '../../../shared/domain/framework-annex.ts';

type Params = Record<string, string> | undefined;

const annexProblemText: Record<AnnexProblemCode, (p: Params) => string> = {
  'no-header': () =>
    'Không tìm thấy dòng tiêu đề bảng “STT | Tiêu chí | Điểm tối đa | Phương pháp | Cách chấm điểm | Tài liệu kiểm chứng”.',
  'missing-id': () => 'Thiếu dòng “Mã bộ chỉ số”.',
  'bad-unit-type': (p) =>
    `Dòng “Loại đơn vị”${p?.value ? ` ghi “${p.value}”` : ' để trống'}: phải là Cấp tỉnh, Sở, ban, ngành, Cấp huyện hoặc Cấp xã.`,
  'bad-max-total': () => 'Dòng “Tổng điểm” phải ghi một con số.',
  'bad-bands': () => 'Dòng “Xếp loại” phải ghi theo mẫu “Tốt: từ 90; Khá: từ 80; …”.',
  'empty-code': () => 'Ô STT (mã tiêu chí) để trống.',
  'bad-points': (p) => `“${p?.value ?? ''}” không phải là số điểm.`,
  'bad-method': (p) => `“${p?.value ?? ''}” không phải là phương pháp chấm (Tự đánh giá, Điều tra xã hội học, Điểm thưởng, Điểm trừ).`,
  'no-parent': (p) => `Mã ${p?.code ?? ''} không có dòng cha ${p?.parent ?? ''} ở phía trên.`,
  'leaf-outside-area': (p) => `Tiêu chí ${p?.code ?? ''} phải nằm trong một lĩnh vực.`,
  'unreadable-rule': (p) => `Tiêu chí ${p?.code ?? ''}: không đọc được cách chấm điểm “${p?.rule ?? ''}”.`,
  'rule-without-figure': (p) =>
    `Tiêu chí ${p?.code ?? ''}: các mức điểm “${p?.rule ?? ''}” chưa nêu chỉ số (viết “Tên chỉ số (%): từ 100 trở lên: 1 điểm; …”).`,
};

export function annexProblemMessage(problem: { code: AnnexProblemCode; params?: Params }): string {
  return annexProblemText[problem.code]?.(problem.params) ?? 'Dòng này không đọc được.';
}

/** English rule messages of shared/domain/framework.ts, matched by their wording; the last entry catches the rest. */
const ruleSentences: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^duplicate (?:adjustment )?code "(.+?)"/, (m) => `Mã “${m[1]}” bị trùng.`],
  [/must start with its parent's code "(.+?)\."/, (m) => `Mã phải bắt đầu bằng mã của mục cha “${m[1]}.”.`],
  [/must come after "(.+?)"/, (m) => `Phải xếp sau “${m[1]}” (thứ tự mã chưa đúng).`],
  [/must equal the sum of its items' maxPoints \((.+?)\)/, (m) => `Điểm tối đa phải bằng tổng điểm các mục con (${comma(m[1]!)}).`],
  [/must equal the sum of the areas' maxPoints \((.+?)\)/, (m) => `Phải bằng tổng điểm các lĩnh vực (${comma(m[1]!)}).`],
  [/a leaf must be worth more than 0/, () => 'Điểm tối đa của tiêu chí phải lớn hơn 0.'],
  [/^must be greater than 0/, () => 'Phải lớn hơn 0.'],
  [/a survey leaf takes no rule/, () => 'Tiêu chí điều tra xã hội học không có cách chấm điểm (điểm lấy từ khảo sát).'],
  [/a self leaf needs a rule/, () => 'Tiêu chí tự đánh giá cần có cách chấm điểm.'],
  [/is above the leaf's maxPoints (.+)$/, (m) => `Số điểm của mức vượt quá điểm tối đa của tiêu chí (${comma(m[1]!)}).`],
  [/is not a multiple of 0\.25/, () => 'Số điểm phải là bội số của 0,25.'],
  [/^duplicate tier min/, () => 'Hai mức điểm có cùng ngưỡng.'],
  [/^duplicate band label "(.+?)"/, (m) => `Tên “${m[1]}” bị trùng.`],
  [/bands must be listed from the highest min down/, () => 'Các xếp loại phải ghi từ ngưỡng cao xuống thấp.'],
  [/the last band must start at 0/, () => 'Xếp loại cuối cùng phải bắt đầu từ 0.'],
];

const comma = (n: string) => n.replace('.', ',');

/** "Tiêu chí 1.2: <sentence>" for a rule error; the raw path and message stay for support. */
export function ruleErrorMessage(error: { path: string; message: string; criterion?: string }): string {
  const found = ruleSentences.map(([re, say]) => [re.exec(error.message), say] as const).find(([m]) => m);
  const sentence = found ? found[1](found[0]!) : 'Vi phạm quy tắc của bộ tiêu chí.';
  if (error.criterion) return `Tiêu chí ${error.criterion}: ${sentence}`;
  if (error.path.startsWith('bands')) return `Xếp loại: ${sentence}`;
  if (error.path.startsWith('maxTotal')) return `Tổng điểm: ${sentence}`;
  return sentence;
}
