/** The edit form's sections: groups (label, target, weight), answer options, questions. */
import { fmtNumber, parseDecimal } from '../../lib/format';
import type { SurveyDefinition } from '../../lib/surveys';

export type Edit = (change: (d: SurveyDefinition) => void) => void;

/** A weight typed with a decimal comma; blank means "no weight" where that is allowed. */
const weightOf = (text: string): number | null | undefined => (text.trim() === '' ? null : parseDecimal(text));

type Props = { draft: SurveyDefinition; edit: Edit };
const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const decimalText = (n: number | null | undefined) => (n === null || n === undefined ? '' : fmtNumber(n));

function TargetField({ draft, edit, group }: Props & { group: string }) {
  const target = draft.targetSample[group];
  if (target !== undefined && typeof target !== 'number') {
    return (
      <div class="field">
        <label for={`t-${group}`}>Sai số (công thức Yamane, N theo "{String(target.population)}")</label>
        <input
          id={`t-${group}`}
          inputMode="decimal"
          value={decimalText(target.margin)}
          onChange={(e) => edit((d) => ((d.targetSample[group] as typeof target).margin = parseDecimal(value(e)) ?? target.margin))}
        />
      </div>
    );
  }
  return (
    <div class="field">
      <label for={`t-${group}`}>Cỡ mẫu tối thiểu mỗi đơn vị</label>
      <input
        id={`t-${group}`}
        type="number"
        inputMode="numeric"
        min={1}
        value={target ?? ''}
        onChange={(e) =>
          edit((d) => {
            const n = Number(value(e));
            if (value(e) === '') delete d.targetSample[group];
            else d.targetSample[group] = n;
          })
        }
      />
    </div>
  );
}

export function GroupFields({ draft, edit }: Props) {
  return (
    <fieldset class="panel">
      <legend>Nhóm đối tượng</legend>
      {Object.entries(draft.groups).map(([g, label]) => (
        <div key={g} class="edit-row">
          <div class="field">
            <label for={`g-${g}`}>Tên nhóm ({g})</label>
            <input id={`g-${g}`} value={label} required onInput={(e) => edit((d) => (d.groups[g] = value(e)))} />
          </div>
          <TargetField draft={draft} edit={edit} group={g} />
          <div class="field">
            <label for={`w-${g}`}>Trọng số</label>
            <input
              id={`w-${g}`}
              inputMode="decimal"
              value={decimalText(draft.groupWeights[g] ?? 1)}
              onChange={(e) => edit((d) => (d.groupWeights[g] = parseDecimal(value(e)) ?? 1))}
            />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function OptionFields({ draft, edit }: Props) {
  return (
    <fieldset class="panel">
      <legend>Phương án trả lời</legend>
      {Object.entries(draft.options).map(([k, w]) => (
        <div key={k} class="edit-row">
          <div class="field">
            <label for={`o-${k}`}>Nhãn của phương án {k}</label>
            <input
              id={`o-${k}`}
              value={draft.optionLabels?.[k] ?? ''}
              onInput={(e) => edit((d) => (d.optionLabels = { ...d.optionLabels, [k]: value(e) }))}
            />
          </div>
          <div class="field">
            <label for={`ow-${k}`}>Hệ số (0 đến 1; để trống: không tính điểm)</label>
            <input
              id={`ow-${k}`}
              inputMode="decimal"
              value={decimalText(w)}
              onChange={(e) => edit((d) => (d.options[k] = weightOf(value(e)) ?? d.options[k] ?? null))}
            />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function QuestionFields({ draft, edit }: Props) {
  const groups = Object.entries(draft.groups);
  const nextId = () => {
    for (let n = draft.questions.length + 1; ; n++) if (!draft.questions.some((q) => q.id === `Q${n}`)) return `Q${n}`;
  };
  return (
    <fieldset class="panel">
      <legend>Câu hỏi ({draft.questions.length})</legend>
      <ol class="questions">
        {draft.questions.map((q, i) => (
          <li key={q.id}>
            <div class="field">
              <label for={`q-${i}`}>Nội dung câu hỏi {q.id}</label>
              <textarea id={`q-${i}`} rows={2} value={q.text ?? ''} onInput={(e) => edit((d) => (d.questions[i]!.text = value(e)))} />
            </div>
            <div class="edit-row">
              <div class="field">
                <label for={`ql-${i}`}>Tiêu chí (mã)</label>
                <input id={`ql-${i}`} value={q.leaf} required onInput={(e) => edit((d) => (d.questions[i]!.leaf = value(e).trim()))} />
              </div>
              <fieldset class="group-choice">
                <legend>Hỏi nhóm</legend>
                {groups.map(([g, label]) => (
                  <label key={g} class="inline">
                    <input
                      type="checkbox"
                      checked={!q.groups || q.groups.includes(g)}
                      onChange={(e) =>
                        edit((d) => {
                          const cur = new Set(d.questions[i]!.groups ?? groups.map(([id]) => id));
                          if ((e.currentTarget as HTMLInputElement).checked) cur.add(g);
                          else cur.delete(g);
                          if (cur.size === groups.length) delete d.questions[i]!.groups;
                          else d.questions[i]!.groups = [...cur];
                        })
                      }
                    />{' '}
                    {label}
                  </label>
                ))}
              </fieldset>
            </div>
            <button type="button" class="link danger" onClick={() => edit((d) => void d.questions.splice(i, 1))}>
              Xoá câu {q.id}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => edit((d) => void d.questions.push({ id: nextId(), leaf: draft.questions.at(-1)?.leaf ?? '', text: '' }))}
      >
        Thêm câu hỏi
      </button>
    </fieldset>
  );
}
