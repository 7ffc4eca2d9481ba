/** The documents linked to a leaf (with page or section), new uploads, and documents already uploaded. */
import { useState } from 'preact/hooks';
import { EvidenceUpload } from './evidence-upload';
import { OpenEvidence } from './evidence-view';
import type { Doc } from '../lib/assessment-data';

export interface Link {
  evidenceId: string;
  page: string;
  fileName?: string;
}

export function EvidenceLinks(props: {
  year: number;
  unitId: string;
  code: string;
  links: Link[];
  docs: Doc[];
  editable: boolean;
  onChange: (links: Link[], now?: boolean) => void;
  onLinkElsewhere?: (doc: Doc) => void;
}) {
  const [pick, setPick] = useState('');
  const linked = new Set(props.links.map((l) => l.evidenceId));
  const others = props.docs.filter((d) => !linked.has(d.evidenceId) && d.status !== 'pending');
  const id = (s: string) => `ev-${props.code}-${s}`;
  const nameOf = (l: Link) => l.fileName ?? props.docs.find((d) => d.evidenceId === l.evidenceId)?.fileName ?? 'Tài liệu';
  return (
    <fieldset class="evidence">
      <legend>Tài liệu kiểm chứng</legend>
      {props.links.length === 0 ? <p class="muted">Chưa gắn tài liệu nào.</p> : null}
      <ul class="links">
        {props.links.map((l, i) => (
          <li key={l.evidenceId}>
            <OpenEvidence year={props.year} unitId={props.unitId} evidenceId={l.evidenceId} name={nameOf(l)} />
            <label class="inline" for={id(`page-${i}`)}>
              Trang/mục
            </label>
            <input
              id={id(`page-${i}`)}
              class="page-ref"
              value={l.page}
              disabled={!props.editable}
              placeholder="vd. tr. 2, mục II"
              onInput={(e) =>
                props.onChange(props.links.map((x, j) => (j === i ? { ...x, page: (e.currentTarget as HTMLInputElement).value } : x)))
              }
            />
            {props.editable ? (
              <>
                {props.onLinkElsewhere ? (
                  <button
                    type="button"
                    class="link"
                    onClick={() => props.onLinkElsewhere?.({ evidenceId: l.evidenceId, fileName: nameOf(l) })}
                  >
                    Gắn vào tiêu chí khác
                  </button>
                ) : null}
                <button
                  type="button"
                  class="link danger"
                  onClick={() =>
                    props.onChange(
                      props.links.filter((_, j) => j !== i),
                      true,
                    )
                  }
                >
                  Bỏ gắn
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <>
          <EvidenceUpload
            id={id('file')}
            year={props.year}
            unitId={props.unitId}
            onUploaded={(evidenceId, fileName) => props.onChange([...props.links, { evidenceId, page: '', fileName }], true)}
          />
          {others.length ? (
            <div class="field">
              <label for={id('existing')}>Hoặc gắn tài liệu đã tải lên</label>
              <span class="row">
                <select id={id('existing')} value={pick} onChange={(e) => setPick((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">— Chọn tài liệu —</option>
                  {others.map((d) => (
                    <option key={d.evidenceId} value={d.evidenceId}>
                      {d.fileName}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={!pick}
                  onClick={() => {
                    const d = others.find((x) => x.evidenceId === pick);
                    if (d) props.onChange([...props.links, { evidenceId: d.evidenceId, page: '', fileName: d.fileName }], true);
                    setPick('');
                  }}
                >
                  Gắn
                </button>
              </span>
            </div>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
