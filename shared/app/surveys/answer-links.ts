/**
 * Where a citizen answers: the console's public answer page for one code. The origin is the
 * console's URL from configuration (`CONSOLE_URL`: the stack sets it from the console's
 * distribution; the local runtime from its own address), so a printed QR opens the same site that
 * serves the page, not the API's.
 */
const fallbackOrigin = 'http://127.0.0.1:3000';

export function consoleOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.CONSOLE_URL?.trim() || fallbackOrigin;
  return new URL(raw).origin;
}

/** The path the console routes to its answer page (web/src/app.tsx: `/tra-loi/:code`). */
export const answerPath = (code: string) => `/tra-loi/${encodeURIComponent(code)}`;

export function answerLinks(codes: readonly string[], origin = consoleOrigin()): { code: string; url: string }[] {
  return codes.map((code) => ({ code, url: `${origin}${answerPath(code)}` }));
}
