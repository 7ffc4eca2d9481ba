/**
 * The import report's reasons in Vietnamese. The API words them in English for operators and
 * logs (shared/domain/survey-rows.ts); the desk shows each known pattern translated, keeping the
 * quoted values, and anything unknown as it came.
 */
const patterns: [RegExp, (...m: string[]) => string][] = [
  [/^unitId is empty$/, () => 'thiếu mã đơn vị (unitId)'],
  [/^unit "(.*)" is not a (\w+) unit of this survey$/, (u) => `đơn vị "${u}" không thuộc phiếu khảo sát này`],
  [/^group "(.*)" is not one of (.*)$/, (g, list) => `nhóm "${g}" không có trong danh sách nhóm (${list})`],
  [/^(.+): is not a question of this survey$/, (q) => `${q}: không phải câu hỏi của phiếu`],
  [/^(.+): answer "(.*)" is not one of the options (.*)$/, (q, a, list) => `${q}: câu trả lời "${a}" không thuộc các phương án ${list}`],
  [/^(.+): is not asked of group "(.*)"$/, (q, g) => `${q}: câu hỏi không dành cho nhóm "${g}"`],
  [/^answers: no question is answered$/, () => 'không trả lời câu hỏi nào'],
  [/^no question is answered$/, () => 'không trả lời câu hỏi nào'],
  [/^the row has (\d+) cells, the header has (\d+)$/, (n, h) => `dòng có ${n} ô, dòng tiêu đề có ${h} ô`],
  [/^respondentId already counted \(line (\d+) of this file\)$/, (l) => `mã người trả lời đã được tính (dòng ${l} của tệp này)`],
  [/^respondentId already counted \(import (.+)\)$/, (i) => `mã người trả lời đã được tính (lượt nhập ${i})`],
];

function one(part: string): string {
  for (const [re, say] of patterns) {
    const m = re.exec(part);
    if (m) return say(...m.slice(1));
  }
  return part;
}

/** A row's reasons are joined with "; " (one per problem). */
export function reasonText(reason: string): string {
  return reason.split('; ').map(one).join('; ');
}
