/**
 * The XML parts of an XLSX file that the reader needs (SpreadsheetML, ECMA-376 part 1), each read
 * by saxes as its bytes inflate: the package and workbook relationships, the workbook's sheet
 * list, the shared strings, the cell styles (which number formats are dates) and a worksheet's
 * rows. Namespace prefixes are dropped (some writers emit `x:row`). saxes defines no entities of
 * a DOCTYPE, so entity expansion bombs cannot grow; depth and text runs are bounded here.
 */
import { SaxesParser } from 'saxes';

/** What a cell holds: typed as the sheet stores it (a date only where its style says date). */
export type XlsxValue = string | number | boolean | Date | { error: string } | null;

/** A file that is not a readable XLSX workbook: what the callers refuse, with this message. */
export class XlsxUnreadable extends Error {}

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text?(text: string): void;
}

/** A well-formed part nests 7 levels (worksheet/sheetData/row/c/is/r/t); deeper is hostile. */
const maxDepth = 64;
/** Excel holds at most 32,767 characters in a cell; a text run or tag far beyond that is hostile. */
const maxTokenChars = 1024 * 1024;

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** One part's bytes (UTF-8, chunk boundaries anywhere) into element events, within the bounds. */
export class XmlPart {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private depth = 0;
  private sinceEvent = 0;

  constructor(
    readonly part: string,
    handlers: XmlHandlers,
  ) {
    this.parser.on('opentag', (tag) => {
      this.sinceEvent = 0;
      if (++this.depth > maxDepth) throw new XlsxUnreadable(`${part}: XML nested deeper than ${maxDepth} levels`);
      handlers.open(local(tag.name), tag.attributes as Record<string, string>);
    });
    this.parser.on('closetag', (tag) => {
      this.sinceEvent = 0;
      this.depth--;
      handlers.close(local(tag.name));
    });
    const text = (t: string) => {
      this.sinceEvent = 0;
      if (t.length > maxTokenChars) throw new XlsxUnreadable(`${part}: an XML text longer than ${maxTokenChars} characters`);
      handlers.text?.(t);
    };
    this.parser.on('text', text);
    this.parser.on('cdata', text);
  }

  push(bytes: Uint8Array, final: boolean): void {
    try {
      const chunk = this.decoder.decode(bytes, { stream: !final });
      this.sinceEvent += chunk.length;
      this.parser.write(chunk);
      if (this.sinceEvent > maxTokenChars) throw new XlsxUnreadable(`${this.part}: an XML text longer than ${maxTokenChars} characters`);
      if (final) this.parser.close();
    } catch (error) {
      if (error instanceof XlsxUnreadable) throw error;
      throw new XlsxUnreadable(`${this.part}: ${(error as Error).message}`);
    }
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Relationships of `part` (targets resolved against the part's folder, as OPC says). */
export function relationshipsXml(relsPart: string, out: Relationship[]): XmlHandlers {
  const base = relsPart.replace(/_rels\/[^/]*$/, '');
  return {
    open(name, a) {
      if (name !== 'Relationship' || !a.Target || a.TargetMode === 'External') return;
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePart(base, a.Target) });
    },
    close: () => undefined,
  };
}

export function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export interface WorkbookInfo {
  sheets: { name: string; relId: string }[];
  date1904: boolean;
}

export function workbookXml(out: WorkbookInfo): XmlHandlers {
  return {
    open(name, a) {
      if (name === 'workbookPr') out.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const relId = Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
      out.sheets.push({ name: a.name ?? '', relId });
    },
    close: () => undefined,
  };
}

/** Shared strings: each item's text runs joined (rich text), phonetic guides (rPh) left out. */
export function sharedStringsXml(out: string[]): XmlHandlers {
  let runs: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === 'si') runs = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && runs && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && runs) {
        out.push(runs.join(''));
        runs = undefined;
      }
    },
    text(t) {
      if (inText) runs?.push(t);
    },
  };
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30; as exceljs reads them). */
const builtInDates = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule: a format is a date if date letters remain outside quotes and brackets. */
export const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Which cell style (the index a cell's `s` names) shows a date. */
export function stylesXml(out: boolean[]): XmlHandlers {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  return {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      if (name !== 'styleSheet') return;
      for (const id of xfFormats) {
        const custom = formats.get(id);
        out.push(custom !== undefined ? isDateFormat(custom) : builtInDates.has(id));
      }
    },
  };
}
