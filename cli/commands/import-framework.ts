/**
 * `par import-framework ANNEX.xlsx|F.json [--out F.json]`: reads the province's annex (or a framework
 * JSON) and prints the framework JSON for review; every row it could not read is reported on
 * stderr with its row number, and the framework is checked by the same rules as the API's.
 * `par export-annex F.json --out ANNEX.xlsx` writes the annex a framework JSON describes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annexRowsToFramework, frameworkToAnnexRows } from '../../shared/domain/framework-annex.ts';
import { parseFramework } from '../../shared/domain/framework.ts';
import { annexWorkbook } from '../../shared/formats/annex-workbook.ts';
import { annexCells } from '../../shared/formats/annex-xlsx.ts';
import type { CliIo } from '../par.ts';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    io.stderr('usage: par import-framework ANNEX.xlsx|F.json [--out F.json]\n');
    return 2;
  }
  let input: unknown;
  if (/\.xlsx$/i.test(file)) {
    const reading = annexRowsToFramework(await annexCells(readFileSync(file)));
    for (const p of reading.problems) io.stderr(`row ${p.row}: ${p.message}\n`);
    if (!reading.framework) return 2;
    input = reading.framework;
  } else input = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = parseFramework(input);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.stderr(`${e.path}: ${e.message}\n`);
    return 2;
  }
  const json = `${JSON.stringify(parsed.framework, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else io.stdout(json);
  return 0;
}

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  const file = positionals[0];
  if (!file || !values.out) {
    io.stderr('usage: par export-annex F.json --out ANNEX.xlsx\n');
    return 2;
  }
  const parsed = parseFramework(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) {
    for (const e of parsed.errors) io.stderr(`${e.path}: ${e.message}\n`);
    return 2;
  }
  writeFileSync(values.out, await annexWorkbook(frameworkToAnnexRows(parsed.framework)));
  return 0;
}
