/**
 * Hand-made XLSX packages for the reader's tests: the parts a writer would put in (SpreadsheetML),
 * zipped by fflate in the order a test asks for, so orders, encodings and hostile parts that no
 * spreadsheet program writes can be tried. Workbooks from real writers come from exceljs and
 * write-excel-file in the tests themselves.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface PackageSpec {
  /** Tabs in order: a name and the worksheet's `<sheetData>` content. */
  sheets: { name: string; rows: string; file?: string }[];
  /** `<si>` contents, in index order. */
  sharedStrings?: string[];
  /** `<styleSheet>` content. */
  styles?: string;
  date1904?: boolean;
}

export function packageParts(spec: PackageSpec): Record<string, string> {
  const files = spec.sheets.map((s, i) => s.file ?? `sheet${i + 1}.xml`);
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${rel}">` +
      (spec.date1904 ? '<workbookPr date1904="1"/>' : '') +
      `<sheets>${spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      files.map((f, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/${f}"/>`).join('') +
      (spec.sharedStrings ? `<Relationship Id="rSst" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (spec.styles ? `<Relationship Id="rSty" Type="${rel}/styles" Target="/xl/styles.xml"/>` : '') +
      `</Relationships>`,
  };
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/${files[i]}`] = `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>${s.rows}</sheetData></worksheet>`;
  });
  if (spec.sharedStrings) {
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0"?><sst xmlns="${main}" count="${spec.sharedStrings.length}">` +
      spec.sharedStrings.map((si) => `<si>${si}</si>`).join('') +
      `</sst>`;
  }
  if (spec.styles) parts['xl/styles.xml'] = `<?xml version="1.0"?><styleSheet xmlns="${main}">${spec.styles}</styleSheet>`;
  return parts;
}

/** The parts zipped, in `order` first (the rest after, as given); `stored` entries not deflated. */
export function zipParts(parts: Record<string, string | Uint8Array>, options: { order?: string[]; stored?: boolean } = {}): Buffer {
  const names = [...(options.order ?? []), ...Object.keys(parts).filter((n) => !options.order?.includes(n))];
  const zippable: Zippable = {};
  for (const name of names) {
    const part = parts[name];
    if (part === undefined) continue;
    zippable[name] = [typeof part === 'string' ? strToU8(part) : part, { level: options.stored ? 0 : 6 }];
  }
  return Buffer.from(zipSync(zippable));
}

const head = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
const sheetsOf = (parts: Record<string, string>) => Object.keys(parts).filter((n) => n.includes('/worksheets/'));
/** Orders of the parts in the zip: what the reader streams at once, what it must spool. */
export const orders = {
  /** Everything a sheet needs before it: rows come out as the sheet inflates. */
  streamable: (parts: Record<string, string>) => [...head, 'xl/sharedStrings.xml', 'xl/styles.xml', ...sheetsOf(parts)],
  /** Excel's own: the sheets, then styles and shared strings. */
  excel: (parts: Record<string, string>) => [...head, ...sheetsOf(parts), 'xl/styles.xml', 'xl/sharedStrings.xml'],
  /** exceljs's: the workbook part last of all. */
  sheetsFirst: (parts: Record<string, string>) => [...sheetsOf(parts), 'xl/sharedStrings.xml', ...head],
};

/**
 * A zip as a streaming writer makes it: every entry stored, its sizes only in a data descriptor
 * after the data (no central directory records: the reader never reads them), then the end record.
 */
export function describedZip(entries: [string, Uint8Array][]): Buffer {
  const out: Buffer[] = [];
  for (const [name, data] of entries) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x808, 6); // sizes in a descriptor; UTF-8 name
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(data.length, 12);
    out.push(header, Buffer.from(name), Buffer.from(data), descriptor);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([...out, end]);
}
