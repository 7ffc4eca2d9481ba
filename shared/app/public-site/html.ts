/**
 * The public results site's HTML, written with template strings and one escaping function.
 *
 * Why server-rendered by the API (routes `/cong-khai/...` in shared/routes.ts) and not a page of
 * the console or files pre-rendered at publication: the pages must read without JavaScript (archives,
 * search engines, old phones), and the API already answers published results publicly on both
 * runtimes. Lambda behind API Gateway serves them in the cloud (cached 5 minutes by `cache-control`)
 * and the local adapter serves the very same handlers, so the two cannot differ; pre-rendering into
 * a bucket would need a second publication path (and a CloudFront origin the console stack, which
 * is deployed before the API, cannot name). Template strings rather than preact-render-to-string:
 * three small pages need no component runtime in the Lambda bundle.
 */
import { createHash } from 'node:crypto';
import { viDate, viDecimal2, viNumber } from '../../domain/vietnamese-format.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : viDecimal2(n));
export const fmtInt = (n: number) => viNumber(n);
export const fmtDate = (iso: string) => viDate(iso);
export const fmtSigned = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${fmt(n)}`);

export const unitTypeNames: Record<string, string> = {
  department: 'Sở, ban, ngành',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
};

const css = `
:root{color-scheme:light;font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.45;color:#1b2430}
body{margin:0;background:#f6f8fa}
header,main,footer{max-width:72rem;margin:0 auto;padding:0.75rem 1rem}
header{background:#0b4f8a;color:#fff;max-width:none}
header a{color:#fff;font-weight:600;text-decoration:none}
nav.crumbs{font-size:0.9rem;margin:0.5rem 0}
h1{font-size:1.5rem;margin:0.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 0.5rem}
a{color:#0b4f8a}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #d0d7de;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:0.95rem}
th,td{padding:0.4rem 0.5rem;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
th{background:#eef2f6}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
code{font-size:0.8rem;word-break:break-all}
.muted{color:#57606a}
.notice{background:#fff4d6;color:#4d3000;border-left:4px solid #c98a00;padding:0.5rem 0.75rem;border-radius:4px}
form.pick{display:flex;gap:0.5rem;align-items:end;flex-wrap:wrap;margin:0.5rem 0}
form.pick label{display:block;font-size:0.9rem}
select,button{font:inherit;padding:0.3rem 0.5rem;min-height:2.5rem}
footer{font-size:0.85rem;color:#57606a}
@media print{header{background:none;color:#000}header a{color:#000}form.pick,nav.crumbs{display:none}.table-wrap{overflow:visible;border:0}a{color:#000;text-decoration:none}}
`;

/** The stylesheet's hash: the CSP allows exactly this inline style and nothing else (no scripts at all). */
const styleHash = createHash('sha256').update(css).digest('base64');

export const pageHeaders: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'public, max-age=300',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export interface Crumb {
  href?: string;
  label: string;
}

/** A whole page: lang="vi", a title and description for indexing, breadcrumbs, printable. */
export function layout(input: { title: string; description: string; crumbs: Crumb[]; body: string }): string {
  const crumbs = input.crumbs
    .map((c) => (c.href ? `<a href="${esc(c.href)}">${esc(c.label)}</a>` : `<span aria-current="page">${esc(c.label)}</span>`))
    .join(' › ');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)} — Chỉ số CCHC</title>
<meta name="description" content="${esc(input.description)}">
<style>${css}</style>
</head>
<body>
<header><a href="/cong-khai">Chỉ số cải cách hành chính — Công khai kết quả</a></header>
<main id="main">
<nav class="crumbs" aria-label="Vị trí trang">${crumbs}</nav>
${input.body}
</main>
<footer>Số liệu do Hội đồng thẩm định phê duyệt và công bố. Trang in được; các bảng đọc được khi tắt JavaScript.</footer>
</body>
</html>
`;
}

/** A table inside a scrolling frame, with a caption naming it for screen readers. */
export function table(caption: string, head: string[], rows: string[][], numeric: Set<number> = new Set()): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption class="muted">${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
