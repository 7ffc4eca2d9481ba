/**
 * The same publication must give the same bytes (report objects are named by their hash, and a
 * retried report function writes them again), but a ZIP (an XLSX is one) records each entry's
 * modification time, which the zip writer takes from the clock. This sets every entry's DOS time
 * and date, in the local headers and the central directory, to one given moment (the approval).
 */
const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

/** The DOS date field's range (7 bits of years from 1980); test cycles run far past it. */
const dosMin = Date.UTC(1980, 0, 1);
const dosMax = Date.UTC(2107, 11, 31, 23, 59, 58);

/** DOS time and date (local fields, 2-second resolution) of an instant, in UTC, clamped to what DOS can say. */
function dosTime(instant: Date): { time: number; date: number } {
  const at = new Date(Math.min(Math.max(instant.getTime(), dosMin), dosMax));
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return { time, date };
}

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === eocdSignature) return i;
  }
  throw new Error('not a ZIP archive: no end of central directory');
}

/** A copy of `zip` whose every entry is timestamped `at`. */
export function withEntryTimes(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosTime(at);
  const eocd = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let at0 = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(at0) !== centralSignature) throw new Error('malformed ZIP central directory');
    out.writeUInt16LE(time, at0 + 12);
    out.writeUInt16LE(date, at0 + 14);
    const local = out.readUInt32LE(at0 + 42);
    if (out.readUInt32LE(local) !== localSignature) throw new Error('malformed ZIP local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at0 += 46 + out.readUInt16LE(at0 + 28) + out.readUInt16LE(at0 + 30) + out.readUInt16LE(at0 + 32);
  }
  return out;
}
