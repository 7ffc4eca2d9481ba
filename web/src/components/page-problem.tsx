import { problemText, type Problem } from '../lib/problems';

/** A page that could not load: the refusal in Vietnamese (e.g. another unit's assessment). */
export function PageProblem({ problem }: { problem: Problem | undefined }) {
  return (
    <main id="main" class="page">
      <h1>Không mở được trang</h1>
      <p class="error" role="alert">
        {problemText(problem)}
      </p>
      <p>
        <a href="/">Về trang chính</a>
      </p>
    </main>
  );
}

/** A page whose data is still on its way (a slow connection sees this first). */
export function PageLoading() {
  return (
    <main id="main" class="page" aria-busy="true">
      <p>Đang tải…</p>
    </main>
  );
}
