/**
 * Readable text inside bytes nobody can parse for us: an unknown PNG chunk, a camera's maker
 * note, data appended after an image, a font, a WebAssembly module, Pagefind's binary index.
 * Like the Unix `strings` tool, it keeps runs of printable characters — in UTF-8, so Chinese
 * names are found too, and in UTF-16 for the ASCII that Windows software writes that way.
 *
 * Compressed pixels and code are noise, so only runs that could hold what a privacy scan looks
 * for are kept: six ASCII characters or more (the shortest e-mail address, every phone number),
 * or two CJK characters or more (a name). Non-ASCII characters other than CJK and full-width
 * forms end a run, because random bytes form valid two-byte UTF-8 sequences all the time.
 */

const MIN_ASCII = 6;
const MIN_CJK = 2;

/** CJK ideographs, CJK punctuation, kana, full-width forms: what Chinese text is made of. */
function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x3000 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}

const isPrintableAscii = (byte: number) => (byte >= 0x20 && byte < 0x7f) || byte === 0x09;

/** Collects runs; `limit` bounds how many characters are kept in all. */
class Runs {
  readonly found: string[] = [];
  private kept = 0;
  private run = '';
  private cjk = 0;
  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.kept >= this.limit;
  }

  add(char: string, cjk: boolean): void {
    this.run += char;
    if (cjk) this.cjk++;
  }

  end(): void {
    const text = this.run.trim();
    if (text.length >= MIN_ASCII || this.cjk >= MIN_CJK) {
      const kept = text.slice(0, this.limit - this.kept);
      this.found.push(kept);
      this.kept += kept.length;
    }
    this.run = '';
    this.cjk = 0;
  }
}

/** The printable runs of UTF-8 text (ASCII and CJK) in `bytes`. */
function utf8Runs(bytes: Uint8Array, runs: Runs): void {
  for (let i = 0; i < bytes.length && !runs.full;) {
    const byte = bytes[i]!;
    if (isPrintableAscii(byte)) {
      runs.add(String.fromCharCode(byte), false);
      i++;
      continue;
    }
    // Three- and four-byte sequences cover all CJK; shorter ones are never CJK.
    const length = byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let codePoint = length === 3 ? byte & 0x0f : byte & 0x07;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const next = bytes[i + k]!;
      valid = (next & 0xc0) === 0x80;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (valid && isCjk(codePoint)) {
      runs.add(String.fromCodePoint(codePoint), true);
      i += length;
    } else {
      runs.end();
      i++;
    }
  }
  runs.end();
}

/**
 * The printable runs of ASCII written as UTF-16: little-endian from an even or an odd byte, which
 * also covers big-endian (its characters are the little-endian ones shifted by one byte).
 */
function utf16AsciiRuns(bytes: Uint8Array, start: number, runs: Runs): void {
  for (let i = start; i + 1 < bytes.length && !runs.full; i += 2) {
    if (bytes[i + 1] === 0 && isPrintableAscii(bytes[i]!)) runs.add(String.fromCharCode(bytes[i]!), false);
    else runs.end();
  }
  runs.end();
}

/**
 * The readable runs of text in `bytes`, at most `limit` characters in all. UTF-16 runs are looked
 * for only where the bytes have zeros to suggest them, to keep the scan of a large file linear
 * in practice and its output free of doubles.
 */
export function readableRuns(bytes: Uint8Array, limit: number): string[] {
  const runs = new Runs(limit);
  utf8Runs(bytes, runs);
  if (bytes.includes(0)) {
    utf16AsciiRuns(bytes, 0, runs);
    utf16AsciiRuns(bytes, 1, runs);
  }
  return runs.found;
}
