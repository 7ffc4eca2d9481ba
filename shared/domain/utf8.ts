/**
 * UTF-8 checks of uploaded survey files. Excel's plain "CSV" and older Vietnamese tools save
 * Windows-1258 or TCVN3; read as UTF-8 those bytes would silently become U+FFFD and mangle names
 * and ids, so such a file is refused, naming the line and the byte.
 */

/** Length of the prefix that ends on a sequence boundary (a trailing incomplete sequence is kept back). */
export function completeLength(buf: Uint8Array): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const b = buf[i] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > buf.length ? i : buf.length;
  }
  return buf.length;
}

/** Index of the first byte that breaks UTF-8 (only called once a chunk is known to be invalid). */
export function firstInvalidByte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = buf[i + 1] as number;
    // overlong 3/4-byte forms, UTF-16 surrogates, beyond U+10FFFF
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))
      return i;
    i += need + 1;
  }
  return buf.length;
}

export function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Why the file is refused: the line and the bytes UTF-8 does not allow. */
export function notUtf8Reason(line: number, bytes: Uint8Array): string {
  const shown = [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  return (
    `the file is not UTF-8: line ${line} contains the bytes ${shown}, which UTF-8 does not allow ` +
    '(probably Windows-1258, TCVN3 or another legacy encoding). Save it as "CSV UTF-8" and upload it again; nothing of this file was kept'
  );
}
