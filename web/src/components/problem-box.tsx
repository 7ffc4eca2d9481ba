import { fieldProblems, problemText, type Problem } from '../lib/problems';

/** A refusal in Vietnamese, with its field errors; leaf codes become links when `hrefOf` is given. */
export function ProblemBox(props: { problem: Problem | undefined; hrefOf?: (code: string) => string; brief?: boolean }) {
  const { problem, hrefOf } = props;
  // `brief`: the page lists the items itself (the clerk's missing leaves).
  const fields = problem && !props.brief ? fieldProblems(problem) : [];
  return (
    <div class="error" role="alert">
      <p>{problemText(problem)}</p>
      {fields.length ? (
        <ul>
          {fields.map((f, i) => (
            <li key={i}>
              {f.code && hrefOf ? <a href={hrefOf(f.code)}>{f.label}</a> : f.label}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
