/**
 * Problem `code`s (shared/domain/errors.ts) in Vietnamese. The record is typed by the codes of the
 * generated API schema, so a code added to the API without a message here fails the type check
 * (and test/unit/console-messages.test.ts).
 */
import type { components } from '../api/schema';

export type Problem = components['schemas']['Problem'];
export type ProblemCode = Problem['code'];

export const problemMessages: Record<ProblemCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu nhập chưa hợp lệ.',
  MALFORMED_JSON: 'Yêu cầu gửi lên bị lỗi định dạng. Vui lòng tải lại trang và thử lại.',
  IDEMPOTENCY_KEY_INVALID: 'Mã chống gửi trùng không hợp lệ. Vui lòng tải lại trang và thử lại.',
  UNAUTHENTICATED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  ROLE_REQUIRED: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  OUTSIDE_SCOPE: 'Đơn vị hoặc tiêu chí này nằm ngoài phạm vi được phân công cho bạn.',
  CONFLICT_OF_INTEREST: 'Không được thẩm định hồ sơ của chính đơn vị mình.',
  OWN_UNIT_ONLY: 'Chỉ cán bộ của đơn vị mới được tự chấm và giải trình hồ sơ này.',
  LEAD_APPRAISER_ONLY: 'Chỉ cơ quan chủ trì thẩm định (Sở Nội vụ) mới được kết thúc thẩm định.',
  NOT_FOUND: 'Không tìm thấy dữ liệu, hoặc bạn không có quyền xem.',
  ROUTE_NOT_FOUND: 'Không tìm thấy chức năng này.',
  CYCLE_NOT_FOUND: 'Chưa có kỳ đánh giá cho năm này.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  FRAMEWORK_NOT_FOUND: 'Chưa có bộ tiêu chí cho loại đơn vị này.',
  ASSESSMENT_NOT_FOUND: 'Không tìm thấy hồ sơ đánh giá, hoặc bạn không có quyền xem hồ sơ của đơn vị này.',
  LEAF_NOT_FOUND: 'Tiêu chí này không áp dụng cho đơn vị.',
  EVIDENCE_NOT_FOUND: 'Không tìm thấy tài liệu kiểm chứng.',
  SURVEY_NOT_FOUND: 'Không tìm thấy phiếu khảo sát của kỳ này.',
  IMPORT_NOT_FOUND: 'Không tìm thấy lượt nhập dữ liệu khảo sát.',
  INVITATION_UNKNOWN: 'Mã mời khảo sát không hợp lệ.',
  RESULTS_NOT_PUBLISHED: 'Kết quả năm này chưa được công bố.',
  METHOD_NOT_ALLOWED: 'Thao tác này không được hỗ trợ.',
  VERSION_CONFLICT: 'Người khác vừa thay đổi nội dung này. Hãy so sánh và chọn bản muốn giữ.',
  STATE_CONFLICT: 'Trạng thái hồ sơ hiện tại không cho phép thao tác này.',
  DEADLINE_PASSED: 'Đã quá hạn cho thao tác này. Liên hệ Sở Nội vụ nếu cần gia hạn.',
  CYCLE_CLOSED: 'Kỳ đánh giá đã được phê duyệt hoặc công bố: không thể thay đổi nữa.',
  CYCLE_PUBLISHED: 'Kết quả đã công bố: không thể thay đổi dữ liệu đã dùng để tính chỉ số.',
  CYCLE_EXISTS: 'Kỳ đánh giá của năm này đã tồn tại.',
  PHASE_TRANSITION_REFUSED: 'Kỳ đánh giá chưa thể chuyển sang giai đoạn này.',
  FRAMEWORK_IN_USE: 'Bộ tiêu chí đang được một kỳ đánh giá sử dụng nên không thể sửa.',
  NOT_SELF_SCORED: 'Tiêu chí này chưa có điểm tự chấm để thẩm định.',
  EVIDENCE_NOT_UPLOADED: 'Tệp chưa được tải lên xong. Vui lòng tải lại tệp.',
  SURVEY_DEFINITION_STALE: 'Phiếu khảo sát không còn khớp với bộ tiêu chí; cần cập nhật lại.',
  SURVEY_ANSWERED: 'Đã có phiếu trả lời: chỉ được thêm câu hỏi, phương án, nhóm, không được xóa.',
  SURVEY_CLOSED: 'Đã hết hạn khảo sát.',
  INVITATION_USED: 'Mã mời này đã được sử dụng.',
  INVITATION_MISMATCH: 'Mã mời không còn khớp với đơn vị hoặc nhóm của phiếu khảo sát.',
  NO_DRAFT: 'Chưa tính kết quả cho năm này.',
  ALREADY_PUBLISHED: 'Kết quả đã được phê duyệt và công bố.',
  DRAFT_SUPERSEDED: 'Kết quả đã được tính lại sau khi bạn xem. Vui lòng xem lại bản mới.',
  IDEMPOTENCY_IN_PROGRESS: 'Yêu cầu trước đang được xử lý. Vui lòng đợi giây lát.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng dữ liệu không được hỗ trợ.',
  ASSESSMENT_INCOMPLETE: 'Hồ sơ chưa đầy đủ: còn tiêu chí chưa chấm điểm, chưa có tài liệu kiểm chứng hoặc chưa giải trình.',
  APPRAISAL_INCOMPLETE: 'Còn tiêu chí chưa có điểm thẩm định.',
  APPRAISALS_OPEN: 'Còn đơn vị chưa kết thúc thẩm định.',
  EVIDENCE_MISMATCH: 'Tệp tải lên không khớp với tệp đã khai báo (dung lượng, mã kiểm tra hoặc loại tệp). Vui lòng tải lại.',
  PARENT_RULE: 'Đơn vị cấp trên không đúng quy tắc phân cấp.',
  IDEMPOTENCY_PAYLOAD_MISMATCH: 'Yêu cầu bị trùng mã với một yêu cầu khác. Vui lòng tải lại trang.',
  TOO_MANY_REQUESTS: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Hệ thống gặp lỗi và đã ghi nhận. Vui lòng thử lại sau.',
  IMPORT_FILE_REFUSED: 'Không thể nhập tệp khảo sát này (bảng mã, dòng tiêu đề hoặc định dạng). Xem lý do trong báo cáo nhập.',
  APPROVAL_IN_PROGRESS: 'Một lượt phê duyệt khác đang công bố kết quả này. Vui lòng tải lại sau ít phút.',
  SURVEY_IMPORTS_PENDING: 'Các tệp khảo sát của kỳ đánh giá vẫn đang được nhập.',
  APPROVAL_OVERDUE: 'Kết quả vẫn chưa được phê duyệt dù đã quá hạn công bố từ lâu.',
  PUBLICATION_INCOMPLETE: 'Kỳ đánh giá chưa công bố xong hoặc chưa đọc được tệp báo cáo.',
  PUBLICATION_CORRUPT: 'Một tệp báo cáo đã công bố không khớp mã kiểm tra (SHA-256). Vui lòng báo quản trị viên.',
  BODY_TOO_DEEP: 'Dữ liệu gửi lên lồng nhau quá sâu.',
  INVALID_ENCODING: 'Văn bản gửi lên không đúng mã UTF-8 (có ký tự hỏng). Vui lòng gõ lại hoặc dán lại nội dung.',
  IDEMPOTENCY_NOT_SUPPORTED: 'Thao tác này không dùng mã chống gửi trùng. Vui lòng tải lại trang và thử lại.',
  // registry (REG)
  DUPLICATE_ADMIN_CODE: 'Mã đơn vị hành chính này đã được dùng cho một đơn vị khác.',
  REGISTRY_CHANGE_INVALID: 'Danh mục đơn vị có lỗi (xem từng dòng): chưa có thay đổi nào được ghi.',
  REGISTRY_FROZEN: 'Chỉ cập nhật được danh mục đơn vị của kỳ đánh giá khi kỳ còn đang mở.',
  SURVEYS_UNDEFINED: 'Còn phiếu khảo sát của kỳ đánh giá chưa được định nghĩa.',
  COUNCIL_OUTSIDE_SCOPE:
    'Các đơn vị này thuộc thẩm quyền của hội đồng khác (hội đồng cấp huyện khác, hoặc xã do hội đồng cấp huyện phê duyệt).',
  COUNCIL_NOT_IN_CYCLE: 'Kỳ đánh giá này không có hội đồng cấp huyện cho các xã này: Hội đồng cấp tỉnh phê duyệt.',
  // province (PRV)
  AREA_NOT_ASSIGNED: 'Tiêu chí này thuộc lĩnh vực kỳ đánh giá giao cho cơ quan khác; đơn vị của bạn chỉ được xem.',
  COORDINATOR_ONLY:
    'Chỉ Sở Nội vụ (cơ quan chủ trì) mới được làm việc này: nộp hồ sơ của tỉnh, nhập điểm điều tra, ghi điểm của Bộ Nội vụ.',
  // ADM
  FRAMEWORK_FROZEN: 'Bộ tiêu chí đã được khóa: không thể thay thế. Hãy ban hành bộ mới với mã mới.',
};

const fieldNames: Record<string, string> = {
  selfScore: 'Điểm tự chấm',
  figure: 'Số liệu',
  note: 'Ghi chú',
  evidence: 'Tài liệu kiểm chứng',
  noEvidenceReason: 'Lý do không có tài liệu',
  appraisedScore: 'Điểm thẩm định',
  reason: 'Lý do',
  message: 'Nội dung yêu cầu giải trình',
  text: 'Nội dung giải trình',
};

/** English rule messages of the API in Vietnamese, by pattern; anything else keeps a generic line. */
const rulePatterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/not a multiple of 0\.25/, () => 'phải là bội số của 0,25'],
  [/above the maximum ([\d.]+)/, (m) => `vượt quá điểm tối đa ${m[1]!.replace('.', ',')}`],
  [/is negative/, () => 'không được âm'],
  [/required when the appraised score differs/, () => 'bắt buộc khi điểm thẩm định khác điểm tự chấm'],
  [/at least 10 characters/, () => 'cần ít nhất 10 ký tự'],
  [/not scored/, () => 'chưa chấm điểm'],
  [/no confirmed evidence/, () => 'chưa có tài liệu kiểm chứng (hoặc lý do không có)'],
  [/no appraised score/, () => 'chưa có điểm thẩm định'],
  [/explanation/, () => 'chưa giải trình'],
];

export function ruleMessage(message: string): string {
  for (const [re, say] of rulePatterns) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return 'không hợp lệ';
}

export interface FieldProblem {
  field: string;
  /** A leaf code when the error names one (`items["1.1.2"]`). */
  code?: string;
  label: string;
  message: string;
}

export function fieldProblems(problem: Problem): FieldProblem[] {
  return (problem.errors ?? []).map((e) => {
    const path = e.path.replace(/^body\./, '');
    const code = /items\["([^"]+)"\]/.exec(path)?.[1];
    const field = path.split(/[.[]/)[0] ?? path;
    return { field, code, label: code ? `Tiêu chí ${code}` : (fieldNames[field] ?? field), message: ruleMessage(e.message) };
  });
}

export function problemText(problem: Problem | undefined): string {
  if (!problem) return 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.';
  return problemMessages[problem.code] ?? 'Yêu cầu không thực hiện được.';
}
