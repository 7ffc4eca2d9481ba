/**
 * A lean XLSX reader (issue 15: exceljs was ~1 MB of every bundle that read a workbook): the rows
 * of the workbook's first worksheet (its first tab), streamed as the zip inflates (zip-stream.ts,
 * fflate's Inflate) and its XML parses (saxes), so a sheet of a million rows is never held whole.
 * The parts it needs may come in any order: a worksheet that arrives before its shared strings or
 * styles (Excel's own order) waits compressed in a spool and is read after them. Hostile files
 * meet bounds: inflated bytes per part, XML depth and text length, Excel's row and column limits.
 */
import { Inflate } from 'fflate';
import { sheetXml, type SheetContext, type XlsxRow } from './xlsx-sheet.ts';
import { Spool, spoolMemoryBytes } from './xlsx-spool.ts';
import { ZipStream, type RawSink } from './zip-stream.ts';
import {
  relationshipsXml,
  sharedStringsXml,
  stylesXml,
  workbookXml,
  XlsxUnreadable,
  XmlPart,
  type Relationship,
  type WorkbookInfo,
  type XmlHandlers,
} from './xlsx-xml.ts';

export { XlsxUnreadable, type XlsxValue } from './xlsx-xml.ts';
export type { XlsxRow } from './xlsx-sheet.ts';

/** The first bytes are not a zip's: not an XLSX file at all (callers say so in their own words). */
export class NotAZip extends XlsxUnreadable {}
/** A workbook whose tabs hold no worksheet (only charts, or none). */
export class NoWorksheet extends XlsxUnreadable {}

export interface XlsxReadOptions {
  /** Numbers in date-styled cells as Date (what exceljs's whole-workbook load gives); else numbers. */
  dates?: boolean;
  /** A lower bound on inflated bytes per part than the defaults (tests; callers that know their sizes). */
  maxPartBytes?: number;
}

const MiB = 1024 * 1024;
/** Inflated bytes a part may reach: small parts are held whole; a sheet streams but is bounded too. */
const limits = { part: 16 * MiB, sharedStrings: 256 * MiB, sheet: 2048 * MiB } as const;
/** Compressed input is pushed in slices this small, so one slice of a zip bomb inflates to a few MB. */
const slice = 16 * 1024;
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

type Sink = (data: Uint8Array, final: boolean) => void;

/** Inflates (method 8) or passes (method 0) an entry's bytes into an XML part, counting them. */
function partSink(part: string, compression: number, limit: number, handlers: XmlHandlers): Sink {
  if (compression !== 0 && compression !== 8) throw new XlsxUnreadable(`${part}: compression method ${compression} is not supported`);
  const xml = new XmlPart(part, handlers);
  let inflated = 0;
  const out: Sink = (data, final) => {
    inflated += data.length;
    if (inflated > limit) throw new XlsxUnreadable(`${part}: larger than ${limit} bytes once inflated`);
    xml.push(data, final);
  };
  if (compression === 0) return out;
  const inflate = new Inflate((data, final) => out(data, final));
  return (data, final) => inflate.push(data, final);
}

const isSheetEntry = (name: string) => /\/worksheets\/[^/]+\.xml$/i.test(name);
const isSharedStrings = (name: string) => /(^|\/)sharedStrings[^/]*\.xml$/i.test(name);
const isSmallPart = (name: string) => /\.(xml|rels)$/i.test(name) && !isSheetEntry(name) && !isSharedStrings(name);
const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');
const endsWithType = (rel: Relationship, type: string) => rel.type.endsWith(`/${type}`);

/** What the workbook's parts say so far; every question is undefined until its parts have arrived. */
class Book {
  readonly rows: XlsxRow[] = [];
  private readonly small = new Map<string, Uint8Array[]>();
  private readonly sharedStrings = new Map<string, string[]>();
  private readonly complete = new Set<string>();
  private readonly spools = new Map<string, Spool>();
  private readonly cache = new Map<string, unknown>();
  private readonly spoolBudget = { bytes: spoolMemoryBytes };
  private smallBytes = 0;
  private sheetSeen = false;
  private finished = false;

  constructor(private readonly options: XlsxReadOptions) {}

  private limit(kind: keyof typeof limits): number {
    return Math.min(limits[kind], this.options.maxPartBytes ?? Number.POSITIVE_INFINITY);
  }

  /** A zip entry begins: its raw bytes go to the part it is, or nowhere. */
  entry(name: string, compression: number): RawSink {
    const sink = this.sinkFor(name, compression);
    return (data, final) => {
      sink?.(data, final);
      if (final) this.complete.add(name);
    };
  }

  private sinkFor(name: string, compression: number): Sink | undefined {
    if (isSharedStrings(name)) {
      const strings: string[] = [];
      this.sharedStrings.set(name, strings);
      return partSink(name, compression, this.limit('sharedStrings'), sharedStringsXml(strings));
    }
    if (isSmallPart(name)) return this.holdSmall(name, compression);
    if (isSheetEntry(name)) return this.sheetEntry(name, compression);
    return undefined;
  }

  /** Relationships, the workbook, styles: a few KB each, held inflated until they are asked for. */
  private holdSmall(name: string, compression: number): Sink | undefined {
    if (compression !== 0 && compression !== 8) return undefined; // a part this reader cannot need
    const chunks: Uint8Array[] = [];
    this.small.set(name, chunks);
    let total = 0;
    const out: Sink = (data) => {
      total += data.length;
      this.smallBytes += data.length;
      const limit = this.limit('part');
      if (total > limit || this.smallBytes > 4 * limit) throw new XlsxUnreadable(`${name}: larger than ${limit} bytes once inflated`);
      chunks.push(data.slice());
    };
    if (compression === 0) return out;
    const inflate = new Inflate((data, final) => out(data, final));
    return (data, final) => inflate.push(data, final);
  }

  private sheetEntry(name: string, compression: number): Sink | undefined {
    const plan = this.plan();
    // Once the first tab is known, the other sheets spooled before it are let go.
    for (const [spooled, spool] of this.spools) {
      if (!plan || spooled === plan.sheet) continue;
      spool.dispose();
      this.spools.delete(spooled);
    }
    if (plan && plan.sheet !== name) return undefined;
    if (plan?.context) {
      if (this.sheetSeen) return undefined;
      this.sheetSeen = true;
      return partSink(
        name,
        compression,
        this.limit('sheet'),
        sheetXml(plan.context, (row) => this.rows.push(row)),
      );
    }
    const spool = new Spool(compression, this.spoolBudget);
    this.spools.set(name, spool);
    return (data) => spool.write(data);
  }

  /** A held part parsed (once), or undefined while it has not fully arrived. */
  private parsed<T>(name: string, make: (out: T) => XmlHandlers, empty: () => T): T | undefined {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const chunks = this.small.get(name);
    if (!chunks || !this.complete.has(name)) return undefined;
    const out = empty();
    const xml = new XmlPart(name, make(out));
    for (const chunk of chunks) xml.push(chunk, false);
    xml.push(new Uint8Array(0), true);
    this.cache.set(name, out);
    return out;
  }

  private relationships(relsPart: string): Relationship[] | undefined {
    return this.parsed(
      relsPart,
      (out: Relationship[]) => relationshipsXml(relsPart, out),
      () => [],
    );
  }

  /** The workbook part, from the package relationships (or where every writer puts it, if none came). */
  private workbookPart(): string | undefined {
    const named = this.relationships('_rels/.rels')?.find((r) => endsWithType(r, 'officeDocument'))?.target;
    return named ?? (this.finished ? 'xl/workbook.xml' : undefined);
  }

  /** Which sheet is read and, once its shared strings and styles are in, how to read its cells. */
  plan(): { sheet: string; context?: SheetContext } | undefined {
    const workbookPart = this.workbookPart();
    if (!workbookPart) return undefined;
    const rels = this.relationships(relsOf(workbookPart));
    const book = this.parsed(workbookPart, workbookXml, (): WorkbookInfo => ({ sheets: [], date1904: false }));
    if (!rels || !book) {
      if (this.finished) throw new XlsxUnreadable(`the file has no workbook (${workbookPart}): it is not an XLSX workbook`);
      return undefined;
    }
    const byId = new Map(rels.map((r) => [r.id, r]));
    const first = book.sheets.map((s) => byId.get(s.relId)).find((r) => r && endsWithType(r, 'worksheet'));
    if (!first) throw new NoWorksheet('the workbook has no worksheet');
    const stringsRel = rels.find((r) => endsWithType(r, 'sharedStrings'));
    const stylesRel = this.options.dates ? rels.find((r) => endsWithType(r, 'styles')) : undefined;
    const sharedStrings = stringsRel ? this.sharedStringsOf(stringsRel.target) : [];
    const dateStyles = stylesRel ? this.stylesOf(stylesRel.target) : [];
    if (!sharedStrings || !dateStyles) return { sheet: first.target };
    return { sheet: first.target, context: { sharedStrings, dateStyles, date1904: book.date1904 } };
  }

  /** A part named but never in the file (at its end) reads as empty, as exceljs reads it. */
  private sharedStringsOf(part: string): string[] | undefined {
    if (this.complete.has(part)) return this.sharedStrings.get(part) ?? [];
    return this.finished ? [] : undefined;
  }

  private stylesOf(part: string): boolean[] | undefined {
    return this.parsed(part, stylesXml, (): boolean[] => []) ?? (this.finished ? [] : undefined);
  }

  /** After the last entry: the sheet from its spool, in batches of rows as it inflates. */
  async *afterEnd(): AsyncGenerator<XlsxRow[]> {
    this.finished = true;
    const plan = this.plan();
    if (this.sheetSeen) return;
    if (!plan?.context) throw new XlsxUnreadable('the file is not an XLSX workbook');
    const spool = this.spools.get(plan.sheet);
    if (!spool) throw new XlsxUnreadable(`the workbook's first sheet (${plan.sheet}) is missing from the file`);
    this.sheetSeen = true;
    const sink = partSink(
      plan.sheet,
      spool.compression,
      this.limit('sheet'),
      sheetXml(plan.context, (row) => this.rows.push(row)),
    );
    for await (const chunk of spool.read()) {
      for (let i = 0; i < chunk.length; i += slice) {
        sink(chunk.subarray(i, i + slice), false);
        yield this.rows.splice(0);
      }
    }
    sink(new Uint8Array(0), true);
    yield this.rows.splice(0);
  }

  dispose(): void {
    for (const spool of this.spools.values()) spool.dispose();
  }
}

/** Wraps what the file's bytes cause (fflate's and saxes's errors) as a refusal of the file. */
function asUnreadable(error: unknown): unknown {
  if (error instanceof XlsxUnreadable) return error;
  // The disk under the spool (ENOSPC, EIO) is not the file's fault: passed on as it is.
  if (typeof (error as { code?: unknown }).code === 'string') return error;
  return new XlsxUnreadable(`the zip archive is damaged: ${(error as Error).message}`);
}

/**
 * The first worksheet's rows (rows without cells included; the caller decides what blank means).
 * Errors of `chunks` itself (the network) pass through as they are; everything about the file is
 * an XlsxUnreadable, NotAZip when it is no zip at all.
 */
export async function* readXlsxRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: XlsxReadOptions = {},
): AsyncGenerator<XlsxRow> {
  const book = new Book(options);
  const unzip = new ZipStream((name, compression) => book.entry(name, compression));
  let head: Uint8Array = new Uint8Array(0);
  const push = (data: Uint8Array, final: boolean) => {
    try {
      unzip.push(data, final);
    } catch (error) {
      throw asUnreadable(error);
    }
  };
  try {
    for await (const chunk of chunks) {
      let bytes: Uint8Array = chunk;
      if (head.length < 4) {
        bytes = head = concat(head, chunk);
        if (head.length < 4) continue;
        if (!zipSignature.every((b, i) => head[i] === b)) throw new NotAZip('the file is not a zip archive');
      }
      for (let i = 0; i < bytes.length; i += slice) {
        push(bytes.subarray(i, i + slice), false);
        if (book.rows.length > 0) yield* book.rows.splice(0);
      }
    }
    if (head.length < 4) throw new NotAZip('the file is not a zip archive');
    push(new Uint8Array(0), true);
    yield* book.rows.splice(0);
    try {
      for await (const batch of book.afterEnd()) yield* batch;
    } catch (error) {
      throw asUnreadable(error);
    }
  } finally {
    book.dispose();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A whole file in memory (an API request's body): the same reader over one chunk. */
export async function readXlsxSheet(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows([bytes], options)) rows.push(row);
  return rows;
}
