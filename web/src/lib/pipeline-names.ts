/**
 * What the pipeline screen shows of a Step Functions run in Vietnamese: the execution statuses and
 * the error names a run can end with (our ASL's named errors, shared/domain/pipeline.ts, raised by
 * functions/pipeline/task-input.ts; the States.* errors of Step Functions; the usual Lambda and
 * AWS service errors). The raw name stays beside the label for support.
 */
import type { PipelineErrorName } from '../../../shared/domain/pipeline.ts';

export const statusNames: Record<string, string> = {
  RUNNING: 'Đang chạy',
  SUCCEEDED: 'Đã hoàn thành',
  FAILED: 'Thất bại',
  TIMED_OUT: 'Quá thời gian',
  ABORTED: 'Đã dừng',
  PENDING_REDRIVE: 'Chờ chạy lại',
};

const ourErrors: Record<PipelineErrorName, string> = {
  CycleNotFound: 'Không tìm thấy kỳ đánh giá của năm',
  ApprovalOverdue: 'Hội đồng chưa phê duyệt kết quả khi đã quá hạn',
  PublicationCorrupt: 'Tệp báo cáo công bố bị hỏng hoặc không khớp',
  SurveyImportsPending: 'Còn lượt nhập dữ liệu khảo sát chưa xử lý xong',
  PublicationIncomplete: 'Tệp báo cáo công bố chưa ghi xong',
};

export const errorNames: Record<string, string> = {
  ...ourErrors,
  'States.ALL': 'Lỗi bất kỳ',
  'States.Timeout': 'Bước chạy quá thời gian cho phép',
  'States.HeartbeatTimeout': 'Bước không báo tín hiệu trong thời gian cho phép',
  'States.TaskFailed': 'Bước xử lý bị lỗi',
  'States.Permissions': 'Không đủ quyền để chạy bước',
  'States.Runtime': 'Lỗi khi chạy quy trình (dữ liệu đầu vào hoặc đầu ra không hợp lệ)',
  'States.DataLimitExceeded': 'Dữ liệu truyền giữa các bước vượt giới hạn',
  'States.ResultPathMatchFailure': 'Không ghi được kết quả của bước',
  'States.ParameterPathFailure': 'Thiếu dữ liệu cho tham số của bước',
  'States.BranchFailed': 'Một nhánh của bước bị lỗi',
  'States.NoChoiceMatched': 'Không có lựa chọn phù hợp ở bước rẽ nhánh',
  'States.IntrinsicFailure': 'Lỗi khi tính giá trị trong quy trình',
  'States.ExceedToleratedFailureThreshold': 'Quá nhiều phần việc bị lỗi',
  'States.ItemReaderFailed': 'Không đọc được danh sách phần việc',
  'States.ResultWriterFailed': 'Không ghi được kết quả các phần việc',
  'Lambda.ServiceException': 'Dịch vụ Lambda gặp lỗi',
  'Lambda.AWSLambdaException': 'Dịch vụ Lambda gặp lỗi',
  'Lambda.SdkClientException': 'Lỗi kết nối tới dịch vụ Lambda',
  'Lambda.TooManyRequestsException': 'Lambda đang quá tải',
  'Lambda.Unknown': 'Hàm xử lý dừng bất thường (hết bộ nhớ hoặc thời gian)',
  ServiceUnavailable: 'Dịch vụ tạm thời không sẵn sàng',
  ThrottlingException: 'Dịch vụ đang quá tải',
  ProvisionedThroughputExceededException: 'Cơ sở dữ liệu đang quá tải',
  TimeoutError: 'Quá thời gian chờ phản hồi',
  Error: 'Lỗi không xác định',
};

export const statusName = (status: string) => statusNames[status] ?? status;
export const errorName = (name: string) => errorNames[name] ?? 'Lỗi không xác định';
