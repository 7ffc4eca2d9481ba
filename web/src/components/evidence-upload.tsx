/** Drag-and-drop or file picker, with the steps of an upload and its progress bar. */
import { useState } from 'preact/hooks';
import { problemText } from '../lib/problems';
import { acceptedTypes, uploadEvidence } from '../lib/upload';

export function EvidenceUpload(props: {
  year: number;
  unitId: string;
  onUploaded: (evidenceId: string, fileName: string) => void;
  id: string;
}) {
  const [step, setStep] = useState<string>('');
  const [fraction, setFraction] = useState<number | undefined>();
  const [error, setError] = useState('');
  const [over, setOver] = useState(false);
  const busy = step !== '' && step !== 'done';
  const send = async (file: File | undefined) => {
    if (!file || busy) return;
    setError('');
    const outcome = await uploadEvidence(props.year, props.unitId, file, (s, f) => {
      setStep(s);
      setFraction(f);
    });
    if (outcome.ok) {
      setStep('done');
      props.onUploaded(outcome.evidenceId, file.name.normalize('NFC'));
    } else {
      setStep('');
      setError(outcome.message ?? problemText(outcome.problem));
    }
  };
  const stepText: Record<string, string> = {
    hashing: 'Đang tính mã kiểm tra (SHA-256)…',
    uploading: 'Đang tải lên…',
    confirming: 'Đang xác nhận…',
    done: 'Đã tải lên và xác nhận.',
  };
  return (
    <div
      class={`drop${over ? ' over' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(e.dataTransfer?.files[0]);
      }}
    >
      {/* The native picker's own text follows the browser's language: a Vietnamese button stands in for it. */}
      <input
        id={props.id}
        class="file-input"
        type="file"
        accept={Object.keys(acceptedTypes).join(',')}
        disabled={busy}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => void send((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <label for={props.id} class="file-button">
        Chọn tệp tài liệu…
      </label>
      <span id={`${props.id}-hint`} class="muted">
        {' '}
        hoặc kéo thả tệp vào khung này (PDF, JPG, PNG, DOCX, XLSX; tối đa 20 MB)
      </span>
      {step ? (
        <p role="status" class="upload-step">
          {stepText[step]}
          {step === 'uploading' ? (
            <progress max={1} value={fraction ?? 0} aria-label="Tiến độ tải lên">
              {Math.round((fraction ?? 0) * 100)}%
            </progress>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
