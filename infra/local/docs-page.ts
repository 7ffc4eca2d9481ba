/** A self-contained API reference page (no CDN): rendered from the OpenAPI document in the browser. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>PAR Index API — Chỉ số CCHC</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}code,pre{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}
.op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.6rem .8rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.GET{color:#0a6}.PUT{color:#a60}.POST{color:#06a}.PATCH{color:#70a}.DELETE{color:#a00}
details pre{overflow:auto;max-height:24rem}
</style></head><body>
<h1>PAR Index API — Chỉ số cải cách hành chính</h1>
<p>Machine-readable contract: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).
Get a local token with <code>npx par token --role admin</code> and send it as <code>Authorization: Bearer …</code>.</p>
<div id="ops">Loading…</div>
<script>
fetch('/openapi.json').then(r => r.json()).then(doc => {
  const root = document.getElementById('ops'); root.textContent = '';
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const div = document.createElement('div'); div.className = 'op';
    const head = document.createElement('div');
    const m = document.createElement('span'); m.className = 'm ' + method.toUpperCase(); m.textContent = method.toUpperCase();
    const p = document.createElement('code'); p.textContent = path;
    head.append(m, p, document.createTextNode(' — ' + (op.summary || '')));
    const who = document.createElement('div'); who.textContent = op.description || '';
    const more = document.createElement('details'); const s = document.createElement('summary'); s.textContent = 'schema';
    const pre = document.createElement('pre'); pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
    more.append(s, pre); div.append(head, who, more); root.append(div);
  }
});
</script></body></html>`;
}
