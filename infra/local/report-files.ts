/**
 * Where published reports land locally: every object the approval writes to the reports bucket
 * (`published/<year>/<hash>/<name>`) is also copied as a plain file to `<reportsDir>/<year>/`
 * (results.json, results.csv, results-excel.csv, results.xlsx, results.html, open-data.json, …),
 * and the local adapter serves that folder at `/reports/` so that printed links open in a browser.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { extname, join, normalize, sep } from 'node:path';
import { readReportFile } from '../../shared/store/report-files-store.ts';
import { bucketDefinition } from '../../shared/store/resources.ts';

/** `report-2032.html` → `results.html`, `results-2032-excel.csv` → `results-excel.csv`. */
export function localReportName(name: string, year: number): string {
  return name.replace(`-${year}`, '').replace(/^report\./, 'results.');
}

export interface ReportMirror {
  dir: string;
  /** Resolves when every copy started so far is written. */
  idle(): Promise<void>;
  stop(): void;
}

export function mirrorReports(emulator: unknown, dir: string): ReportMirror {
  const server = emulator as EventEmitter;
  const bucket = bucketDefinition('reports').localName;
  const pending = new Set<Promise<void>>();
  const listener = (event: { Records?: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }) => {
    for (const record of event.Records ?? []) {
      const m = /^published\/(\d{4})\/[0-9a-f]+\/([^/]+)$/.exec(record.s3.object.key);
      if (record.s3.bucket.name !== bucket || !record.eventName.startsWith('ObjectCreated') || !m) continue;
      const year = Number(m[1]);
      const copy = readReportFile(record.s3.object.key)
        .then((body) => {
          mkdirSync(join(dir, String(year)), { recursive: true });
          writeFileSync(join(dir, String(year), localReportName(m[2]!, year)), body);
        })
        .catch((error: unknown) => console.error(`local report copy of ${record.s3.object.key} failed: ${(error as Error).message}`))
        .finally(() => pending.delete(copy));
      pending.add(copy);
    }
  };
  server.on('event', listener);
  return {
    dir,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: () => server.off('event', listener),
  };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const listing = (title: string, links: string[]) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><ul>${links.map((l) => `<li><a href="${encodeURI(l)}">${l}</a></li>`).join('')}</ul></html>`;

/** A file (or a folder listing) under `dir` for a URL path below `/reports/`; undefined when there is none. */
export function reportResponse(dir: string, urlPath: string): { contentType: string; body: Buffer | string } | undefined {
  const relative = normalize(decodeURIComponent(urlPath.replace(/^\/reports\/?/, '')));
  if (relative.startsWith('..') || relative.includes(`${sep}..`)) return undefined;
  const path = join(dir, relative);
  try {
    if (statSync(path).isDirectory()) {
      const entries = readdirSync(path).sort();
      const base = `/reports/${relative === '.' ? '' : `${relative}/`}`;
      return {
        contentType: 'text/html; charset=utf-8',
        body: listing(
          'Báo cáo đã công bố',
          entries.map((e) => `${base}${e}`),
        ),
      };
    }
    return { contentType: types[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) };
  } catch {
    return undefined;
  }
}
