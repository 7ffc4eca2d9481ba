/** Opens a document with a short-lived link; PDFs and images are previewed in the page. */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { problemText, type Problem } from '../lib/problems';

export function OpenEvidence(props: { year: number; unitId: string; evidenceId: string; name: string; preview?: boolean }) {
  const [view, setView] = useState<{ url: string; type: string } | undefined>();
  const [error, setError] = useState('');
  const open = async () => {
    const { data, error: e } = await api().GET('/v1/cycles/{year}/units/{unitId}/evidence/{evidenceId}', {
      params: { path: { year: props.year, unitId: props.unitId, evidenceId: props.evidenceId } },
    });
    if (!data?.download) return setError(problemText(e as Problem | undefined));
    if (props.preview && (data.contentType === 'application/pdf' || data.contentType.startsWith('image/')))
      setView({ url: data.download.url, type: data.contentType });
    else window.open(data.download.url, '_blank', 'noopener');
  };
  return (
    <span class="doc">
      <button type="button" class="link" onClick={() => void open()}>
        {props.name}
      </button>
      {error ? <span class="error"> {error}</span> : null}
      {view ? (
        <span class="preview">
          {view.type.startsWith('image/') ? (
            <img src={view.url} alt={`Xem trước: ${props.name}`} />
          ) : (
            <iframe src={view.url} title={`Xem trước: ${props.name}`} />
          )}
          <a href={view.url} target="_blank" rel="noopener" download>
            Tải về
          </a>
          <button type="button" class="link" onClick={() => setView(undefined)}>
            Đóng xem trước
          </button>
        </span>
      ) : null}
    </span>
  );
}
