/**
 * Vietnamese collation for names (Ă after A, Đ after D, tones in dictionary order), one comparator
 * for every list and ranking: the order of `Intl.Collator('vi')`.
 *
 * Why not only the collator: building it loads ICU's collation data, ~25 ms of a function's cold
 * start (getResults imported in 67 ms with it, 39 ms without). Names are NFC text of Vietnamese
 * letters, digits, spaces and ASCII punctuation; for those a three-level sort key (letters, then
 * tones, then case: CLDR's `vi` tailoring of the root order) orders exactly as the collator does,
 * which test/unit/collation.test.ts checks on random strings. A string with any other character
 * (a combining mark, another script) is compared by the collator, built on first need.
 */

/** Root order of the ASCII characters that are not letters (ICU's, with alternate=non-ignorable). */
const punctuationAndDigits = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789';
/** Each base letter with its five tones, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng. */
const vowels = ['aàảãáạ', 'ăằẳẵắặ', 'âầẩẫấậ', 'eèẻẽéẹ', 'êềểễếệ', 'iìỉĩíị', 'oòỏõóọ', 'ôồổỗốộ', 'ơờởỡớợ', 'uùủũúụ', 'ưừửữứự', 'yỳỷỹýỵ'];
const alphabet = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';

const COMMON = 1;
const UPPER = 2;

/** character → its weights: primary (base letter), secondary (tone, 0 for none), tertiary (case). */
const weights = new Map<string, readonly [number, number, number]>();
for (const [i, ch] of [...punctuationAndDigits].entries()) weights.set(ch, [i + 1, 0, COMMON]);
for (const [i, letter] of [...alphabet].entries()) {
  const primary = punctuationAndDigits.length + 1 + i;
  const forms = vowels.find((v) => v[0] === letter) ?? letter;
  [...forms].forEach((form, tone) => {
    weights.set(form, [primary, tone, COMMON]);
    weights.set(form.toUpperCase(), [primary, tone, UPPER]);
  });
}

/**
 * The UCA sort key of `text`, or undefined when a character is outside the table. A toned letter
 * is a base letter followed by its tone mark: the mark adds a secondary weight (after the base's
 * common one) and a common tertiary, as its own collation element would.
 */
function sortKey(text: string): string | undefined {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const ch of text) {
    const w = weights.get(ch);
    if (!w) return undefined;
    primary += String.fromCharCode(w[0]);
    secondary += w[1] ? String.fromCharCode(COMMON, COMMON + w[1]) : String.fromCharCode(COMMON);
    tertiary += w[1] ? String.fromCharCode(w[2], COMMON) : String.fromCharCode(w[2]);
  }
  return `${primary}\u0000${secondary}\u0000${tertiary}`;
}

const keys = new Map<string, string | null>();
function cachedKey(text: string): string | null {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= 8192) keys.clear(); // a bound, not an LRU: a sort touches a few hundred names
    key = sortKey(text) ?? null;
    keys.set(text, key);
  }
  return key;
}

let icu: Intl.Collator | undefined;

export function compareVietnamese(a: string, b: string): number {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  if (ka === null || kb === null) return (icu ??= new Intl.Collator('vi')).compare(a, b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The comparator in the collator's shape (`.compare`), for code that sorts with either. */
export const vietnameseCollator = { compare: compareVietnamese } as const;

export function byVietnameseName<T extends { name: string }>(a: T, b: T): number {
  return compareVietnamese(a.name, b.name);
}
