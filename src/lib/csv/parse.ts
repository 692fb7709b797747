import { csvMessages, type CsvRule, type Message } from './messages.ts';

/** Field delimiters the parser accepts. */
export type CsvDelimiter = ';' | ',' | '\t';

/**
 * A problem found while reading the CSV text (before any typing of values).
 *
 * Positions are physical: `line` counts LF, CRLF and lone CR line endings from 1, including blank
 * lines and line breaks inside quoted fields, so it is the line a spreadsheet user or a text editor
 * shows.
 */
export interface CsvIssue {
  /** Stable rule id, e.g. `csv.champs_manquants`. */
  rule: CsvRule;
  /** 1-based physical line: where the record (or, for quotes, the field) starts. */
  line: number;
  /** 1-based field index in the record, when the issue concerns one field. */
  column?: number;
  /** Header name of that field, when the header is known and has that many columns. */
  columnName?: string;
  /** The offending value (the cell as read, cut to 100 characters). */
  value?: string;
  /** For `csv.champs_en_trop` / `csv.champs_manquants`: number of header columns. */
  expected?: number;
  /** For `csv.champs_en_trop` / `csv.champs_manquants`: number of fields in the record. */
  got?: number;
  /** Sentence for the user, with the position. */
  message: Message;
}

/**
 * A CSV file read into columns.
 *
 * Normalisation rules:
 * - Every cell and header name is trimmed as `String.prototype.trim` does: spaces, tabs,
 *   non-breaking spaces (U+00A0, U+202F), other Unicode spaces, a stray BOM (U+FEFF), and line
 *   breaks at the edges of a quoted cell. The inside of a cell is kept as written (a quoted line
 *   break stays `\n`, `\r\n` or `\r`). An empty cell is `''`; the data layer reads it as missing.
 * - Blank lines (nothing but whitespace, tabs included) are skipped anywhere, also before the
 *   header; they still count for line numbers. A line of empty fields (`;;;`) is a record.
 * - A record with issues is kept, so that rows after it keep their line numbers:
 *   missing fields are `''` (`csv.champs_manquants`), extra fields are dropped
 *   (`csv.champs_en_trop`), a stray quote is kept as text (`ab"c` → `ab"c`, `"ab"c` → `abc`,
 *   `csv.guillemet_parasite`), and an unclosed quote swallows the rest of the file into that
 *   cell (`csv.guillemet_non_ferme`, reported at the line where the field starts).
 * - Spaces between a closing quote and the delimiter are ignored (`"ab"  ;`). Spaces before an
 *   opening quote are not: ` "ab"` is an unquoted field containing quotes (RFC 4180).
 * - Header names are matched case-insensitively for duplicates (`csv.entete_double`); an empty
 *   header name is `csv.entete_vide`. Both keep the column, so the data stays aligned.
 */
export interface ParsedCsv {
  /** The delimiter used: given in the options or detected on the header line. */
  delimiter: CsvDelimiter;
  /** Header names, trimmed, case as written. */
  header: string[];
  /** One array per header column, `rowCount` trimmed cells each. */
  columns: string[][];
  /**
   * 1-based physical line where each data record starts (the header is line 1 unless blank lines
   * precede it); a quoted field spanning lines moves the next records down.
   */
  rowLines: Uint32Array;
  /** Number of data records (records with issues included). */
  rowCount: number;
  /** Problems, in the order of the file. */
  issues: CsvIssue[];
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /**
   * Field delimiter. When absent it is detected on the header line (the first non-blank line):
   * the most frequent of `;`, `,` and tab outside quotes; `;` wins ties (French Excel writes
   * `;`), then `,`; a header without any of them is read with `;`.
   */
  delimiter?: CsvDelimiter;
}

/** A slice of consecutive data records handed to `onBatch`. */
export interface CsvBatch {
  /** Header names (the same array for every batch). */
  header: string[];
  /** One array per header column, `rowCount` cells each (fresh arrays for every batch, unless `reuseColumns`). */
  columns: string[][];
  /** Physical start line of each record of the batch. */
  rowLines: Uint32Array;
  /** Number of records in the batch. */
  rowCount: number;
  /** 0-based index of the batch's first record among all data records of the file. */
  firstRow: number;
  /** 1-based physical line of the header (blank lines before it count). */
  headerLine: number;
}

/** Options of {@link createCsvParser}. */
export interface CsvParserOptions extends ParseCsvOptions {
  /** Records per batch (default 65 536). The last batch may be shorter; no batch is empty. */
  batchSize?: number;
  /** Receives the records, in order, as soon as `batchSize` of them are complete. */
  onBatch: (batch: CsvBatch) => void;
  /**
   * Hand out the same column arrays for every batch, overwritten by the next one, when `onBatch`
   * is done with them on return (the validator copies what it needs): no allocation of a few
   * hundred kilobytes per column and batch, which the garbage collector would then have to
   * reclaim from its large-object space. Default false: fresh arrays for every batch.
   */
  reuseColumns?: boolean;
}

/** What a streaming parse returns at the end (the records went to `onBatch`). */
export interface CsvParserResult {
  header: string[];
  /** 1-based physical line of the header (blank lines before it count); 1 when there is none. */
  headerLine: number;
  delimiter: CsvDelimiter;
  rowCount: number;
  issues: CsvIssue[];
}

/** Incremental parser: push text chunks split anywhere, then call `end()` once. */
export interface CsvParser {
  push(chunk: string): void;
  end(): CsvParserResult;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const TAB = 9;

// Parser modes, kept between chunks.
const START = 0; // at the start of a field
const UNQUOTED = 1; // inside an unquoted field (text so far in `partial`)
const QUOTED = 2; // inside a quoted field (content so far in `partial`)
const QUOTE_IN_QUOTED = 3; // just read a quote inside a quoted field: `""` or the closing quote?
const AFTER_QUOTE = 4; // after the closing quote, expecting a delimiter or a line end

// Kinds of stray quote, remembered until the field ends.
const STRAY_NONE = 0;
const STRAY_IN_UNQUOTED = 1;
const STRAY_AFTER_CLOSING = 2;

const DEFAULT_BATCH_SIZE = 65_536;
const CACHE_SLOTS = 4096; // per column, a power of two
const CACHE_MASK = CACHE_SLOTS - 1;
const CACHE_WINDOW = 16_384; // lookups per column before judging the hit rate
// Only the first columns get a cache: a hostile header of thousands of columns would otherwise
// allocate CACHE_SLOTS × 2 strings per column (gigabytes for a 10 KB line of `;`).
const CACHED_COLUMNS = 64;
const MAX_ISSUE_VALUE = 100;

/** Whitespace that may sit between a closing quote and the delimiter (line breaks excluded). */
function isInlineSpace(c: number): boolean {
  return (
    c === 32 ||
    c === TAB ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Trims only when the first or last character may be whitespace (most cells are left as is). */
function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a <= 32 || b <= 32 || a >= 0xa0 || b >= 0xa0 ? s.trim() : s;
}

function cut(value: string): string {
  return value.length > MAX_ISSUE_VALUE ? `${value.slice(0, MAX_ISSUE_VALUE - 1)}…` : value;
}

/** Number of line breaks in `text[from, to)`, CRLF counting once (a CRLF is never split here). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) n++;
    else if (c === LF && !(i > 0 && text.charCodeAt(i - 1) === CR)) n++;
  }
  return n;
}

/**
 * Finds the delimiter on the header line, incrementally: `scan` each chunk until it returns a
 * delimiter (a line end outside quotes was reached on a non-blank line), or call `decide()` at the
 * end of the input.
 */
class DelimiterSniffer {
  private semicolons = 0;
  private commas = 0;
  private tabs = 0;
  private inQuotes = false;
  private blank = true;

  scan(text: string): CsvDelimiter | null {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.blank = false;
      } else if (this.inQuotes) {
        continue;
      } else if (c === LF || c === CR) {
        if (!this.blank) return this.decide();
        this.semicolons = this.commas = this.tabs = 0;
      } else if (c === 59) {
        this.semicolons++;
        this.blank = false;
      } else if (c === 44) {
        this.commas++;
        this.blank = false;
      } else if (c === TAB) {
        this.tabs++;
      } else if (!isInlineSpace(c)) {
        this.blank = false;
      }
    }
    return null;
  }

  decide(): CsvDelimiter {
    const { semicolons: s, commas: c, tabs: t } = this;
    if (s >= c && s >= t) return ';';
    return c >= t ? ',' : '\t';
  }
}

/**
 * The one CSV state machine. `feed` takes text chunks split anywhere; records go to per-column
 * arrays (no object per row) and are handed out every `batchSize` records.
 *
 * Fast path: an unquoted field is the slice up to the nearest delimiter, LF or CR. The next
 * position of each of these characters and of `"` is found with `indexOf` and cached until the
 * scan passes it, so each character of the text is examined a bounded number of times.
 */
class CsvCore {
  readonly delimiter: CsvDelimiter;
  private readonly delimCode: number;
  private readonly batchSize: number;
  private readonly copyCached: boolean;
  private capacity: number;
  private readonly onBatch: ((batch: CsvBatch) => void) | undefined;
  private readonly reuseColumns: boolean;

  header: string[] | null = null;
  /** Physical line where the header starts. */
  headerLine = 1;
  columns: string[][] = [];
  lines: Uint32Array;
  batchRows = 0;
  totalRows = 0;
  readonly issues: CsvIssue[] = [];

  private ncols = 0;
  /** Columns that have a cell cache (the first CACHED_COLUMNS). */
  private cachedCols = 0;
  private headerFields: string[] = [];
  private line = 1; // physical line of the scan position
  private recLine = 1; // line where the current record starts
  private fieldIdx = 0; // 0-based index of the current field in the record
  private mode = START;
  private partial = ''; // text of the current field read so far (across chunks, or quoted)
  private fieldQuoted = false;
  private fieldLine = 1; // line where the current quoted field starts
  private stray = STRAY_NONE;
  private strayLine = 1;
  private nonBlank = false; // the current record has something besides whitespace
  private lastWasCR = false; // the previous chunk ended with CR: skip or do not count a leading LF
  // Per-column cell caches (see `cell`): CACHE_SLOTS slots per column.
  private cacheKeys: string[] = [];
  private cacheValues: string[] = [];
  private cacheLookups = new Uint32Array(0);
  private cacheHits = new Uint32Array(0);
  private cacheOff = new Uint8Array(0);

  /**
   * @param capacity expected number of records in the first batch: column arrays are allocated
   *   at that length up front (growing them one push at a time costs more than parsing).
   */
  constructor(
    delimiter: CsvDelimiter,
    batchSize: number,
    capacity: number,
    onBatch?: (batch: CsvBatch) => void,
    reuseColumns = false,
  ) {
    this.reuseColumns = reuseColumns;
    this.delimiter = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
    this.batchSize = batchSize;
    this.copyCached = onBatch !== undefined; // streaming: text arrives in chunks
    this.capacity = Math.max(1, Math.min(capacity, batchSize));
    this.onBatch = onBatch;
    this.lines = new Uint32Array(this.capacity);
  }

  feed(text: string): void {
    const len = text.length;
    if (len === 0) return; // keep `lastWasCR` for the next chunk
    const delim = this.delimiter;
    const delimCode = this.delimCode;
    let pos = 0;
    if (this.lastWasCR) {
      this.lastWasCR = false;
      if (len > 0 && text.charCodeAt(0) === LF) {
        // The LF of a CRLF split between chunks: the line was already counted.
        if (this.mode === QUOTED) this.partial += '\n';
        pos = 1;
      }
    }
    // Cached next positions (-1: not searched yet; len: none left).
    let nextDelim = -1;
    let nextLF = -1;
    let nextCR = -1;
    let nextQuote = -1;

    while (pos < len) {
      const mode = this.mode;
      if (mode === START || mode === UNQUOTED) {
        if (mode === START && text.charCodeAt(pos) === QUOTE) {
          this.mode = QUOTED;
          this.fieldQuoted = true;
          this.fieldLine = this.line;
          pos++;
          continue;
        }
        if (nextDelim < pos) {
          nextDelim = text.indexOf(delim, pos);
          if (nextDelim < 0) nextDelim = len;
        }
        if (nextLF < pos) {
          nextLF = text.indexOf('\n', pos);
          if (nextLF < 0) nextLF = len;
        }
        if (nextCR < pos) {
          nextCR = text.indexOf('\r', pos);
          if (nextCR < 0) nextCR = len;
        }
        let end = nextDelim < nextLF ? nextDelim : nextLF;
        if (nextCR < end) end = nextCR;
        if (nextQuote < pos) {
          nextQuote = text.indexOf('"', pos);
          if (nextQuote < 0) nextQuote = len;
        }
        if (nextQuote < end && this.stray === STRAY_NONE) {
          this.stray = STRAY_IN_UNQUOTED;
          this.strayLine = this.line;
        }
        if (end === len) {
          // No terminator in this chunk: keep the text for the next one (or `finish`).
          this.partial = mode === UNQUOTED ? this.partial + text.slice(pos) : text.slice(pos);
          this.mode = UNQUOTED;
          return;
        }
        let value: string;
        if (mode === UNQUOTED) {
          value = trimCell(this.partial + text.slice(pos, end));
          this.partial = '';
        } else {
          value = this.cell(text, pos, end);
        }
        pos = this.terminate(text, end, value);
      } else if (mode === QUOTED) {
        if (nextQuote < pos) {
          nextQuote = text.indexOf('"', pos);
          if (nextQuote < 0) nextQuote = len;
        }
        const q = nextQuote;
        if (nextLF < pos) {
          nextLF = text.indexOf('\n', pos);
          if (nextLF < 0) nextLF = len;
        }
        if (nextCR < pos) {
          nextCR = text.indexOf('\r', pos);
          if (nextCR < 0) nextCR = len;
        }
        if (nextLF < q || nextCR < q) this.line += countLineBreaks(text, pos, q);
        this.partial += text.slice(pos, q);
        if (q === len) {
          this.lastWasCR = len > pos && text.charCodeAt(len - 1) === CR;
          return;
        }
        pos = q + 1;
        this.mode = QUOTE_IN_QUOTED;
      } else if (mode === QUOTE_IN_QUOTED) {
        if (text.charCodeAt(pos) === QUOTE) {
          this.partial += '"';
          this.mode = QUOTED;
          pos++;
        } else {
          this.mode = AFTER_QUOTE;
        }
      } else {
        // AFTER_QUOTE
        const c = text.charCodeAt(pos);
        if (c === delimCode || c === LF || c === CR) {
          const value = trimCell(this.partial);
          this.partial = '';
          pos = this.terminate(text, pos, value);
        } else if (isInlineSpace(c)) {
          pos++;
        } else {
          // Text after the closing quote: keep it, as if the field went on unquoted.
          if (this.stray === STRAY_NONE) {
            this.stray = STRAY_AFTER_CLOSING;
            this.strayLine = this.line;
          }
          this.mode = UNQUOTED;
        }
      }
    }
  }

  /** Ends the input: completes the last record and flushes the last batch. */
  finish(): void {
    const mode = this.mode;
    if (mode === START) {
      if (this.fieldIdx > 0) this.endRecord(''); // a trailing delimiter at the very end
    } else {
      if (mode === QUOTED) {
        const column = this.fieldIdx + 1;
        this.issue({
          rule: 'csv.guillemet_non_ferme',
          line: this.fieldLine,
          column,
          ...this.columnName(this.fieldIdx),
          value: cut(this.partial.trim()),
          message: csvMessages.guillemetNonFerme(this.fieldLine, column),
        });
      }
      const value = trimCell(this.partial);
      this.partial = '';
      this.endRecord(value);
    }
    if (this.header === null) {
      this.header = [];
      this.issue({ rule: 'csv.vide', line: 1, message: csvMessages.vide() });
    }
    if (this.onBatch !== undefined && this.batchRows > 0) this.flush();
  }

  /**
   * The trimmed cell `text[pos, end)`, taken from the column's cache when the same text was seen
   * recently. Columns of codes, months or ids repeat a few values a million times: reusing one
   * string instead of allocating a copy per cell avoids most of the garbage collection of a big
   * file (it was two thirds of the parse time). A column whose values rarely repeat stops using
   * its cache after one window of lookups.
   */
  private cell(text: string, pos: number, end: number): string {
    const n = end - pos;
    const i = this.fieldIdx;
    if (n === 0) return '';
    if (i >= this.cachedCols || this.cacheOff[i] === 1) return trimCell(text.slice(pos, end));
    // Direct-mapped slot from the length and a few characters (ids and dates vary at the end).
    const h =
      ((n * 31 +
        text.charCodeAt(pos) * 7 +
        text.charCodeAt(end - 1) * 257 +
        text.charCodeAt(end - (n > 1 ? 2 : 1)) * 8191 +
        text.charCodeAt(end - (n > 2 ? 3 : 1)) * 131071 +
        text.charCodeAt(pos + (n >> 1)) * 524287) &
        CACHE_MASK) +
      i * CACHE_SLOTS;
    const key = this.cacheKeys[h]!;
    const lookups = ++this.cacheLookups[i]!;
    let value: string;
    if (key.length === n && text.startsWith(key, pos)) {
      this.cacheHits[i]!++;
      value = this.cacheValues[h]!;
    } else {
      let raw = text.slice(pos, end);
      // V8 makes a slice of 13+ characters point into its parent string. When the parent is a
      // stream chunk, a cached slice would keep that chunk alive for the whole parse: cache a
      // flat copy instead (slicing a concatenation flattens it into a new string).
      if (this.copyCached && n >= 13) raw = ` ${raw}`.slice(1);
      value = trimCell(raw);
      this.cacheKeys[h] = raw;
      this.cacheValues[h] = value;
    }
    if (lookups === CACHE_WINDOW) {
      if (this.cacheHits[i]! < CACHE_WINDOW / 4) this.cacheOff[i] = 1;
      this.cacheLookups[i] = this.cacheHits[i] = 0;
    }
    return value;
  }

  /** Handles the delimiter or line end at `at`, after a field; returns the next position. */
  private terminate(text: string, at: number, value: string): number {
    const c = text.charCodeAt(at);
    if (c === this.delimCode) {
      this.endField(value);
      return at + 1;
    }
    this.endRecord(value);
    this.recLine = ++this.line;
    if (c === CR) {
      if (at + 1 === text.length) {
        this.lastWasCR = true;
        return at + 1;
      }
      if (text.charCodeAt(at + 1) === LF) return at + 2;
    }
    return at + 1;
  }

  private endField(value: string): void {
    if (this.stray !== STRAY_NONE) this.reportStray(value);
    const i = this.fieldIdx;
    if (this.header === null) this.headerFields.push(value);
    else if (i < this.ncols) this.columns[i]![this.batchRows] = value;
    // A tab delimiter is whitespace: a line of tabs is blank. `;` or `,` make a record.
    if (value !== '' || this.fieldQuoted || this.delimCode !== TAB) this.nonBlank = true;
    this.fieldIdx = i + 1;
    this.fieldQuoted = false;
    this.mode = START;
  }

  private endRecord(value: string): void {
    if (this.stray !== STRAY_NONE) this.reportStray(value);
    const i = this.fieldIdx;
    if (!this.nonBlank && value === '' && !this.fieldQuoted) {
      // Blank line. Empty fields already stored at row `batchRows` (a line of tabs) will be
      // overwritten by the next record or cut off at the end.
      if (this.header === null) this.headerFields.length = 0;
    } else if (this.header === null) {
      this.headerFields.push(value);
      this.setHeader();
    } else {
      const ncols = this.ncols;
      const row = this.batchRows;
      const got = i + 1;
      if (i < ncols) {
        this.columns[i]![row] = value;
        if (got < ncols) {
          for (let k = got; k < ncols; k++) this.columns[k]![row] = '';
          this.issue({
            rule: 'csv.champs_manquants',
            line: this.recLine,
            expected: ncols,
            got,
            message: csvMessages.champsManquants(this.recLine, ncols, got),
          });
        }
      } else {
        this.issue({
          rule: 'csv.champs_en_trop',
          line: this.recLine,
          expected: ncols,
          got,
          message: csvMessages.champsEnTrop(this.recLine, ncols, got),
        });
      }
      if (row === this.lines.length) this.growLines();
      this.lines[row] = this.recLine;
      this.batchRows = row + 1;
      this.totalRows++;
      if (this.batchRows >= this.batchSize) this.flush();
    }
    this.fieldIdx = 0;
    this.fieldQuoted = false;
    this.nonBlank = false;
    this.mode = START;
  }

  private setHeader(): void {
    const header = this.headerFields;
    this.headerFields = [];
    this.header = header;
    this.headerLine = this.recLine;
    this.ncols = header.length;
    this.columns = this.newColumns();
    this.cachedCols = Math.min(this.ncols, CACHED_COLUMNS);
    this.cacheKeys = new Array<string>(this.cachedCols * CACHE_SLOTS).fill('');
    this.cacheValues = new Array<string>(this.cachedCols * CACHE_SLOTS).fill('');
    this.cacheLookups = new Uint32Array(this.ncols);
    this.cacheHits = new Uint32Array(this.ncols);
    this.cacheOff = new Uint8Array(this.ncols);
    const seen = new Map<string, number>();
    header.forEach((name, k) => {
      const column = k + 1;
      if (name === '') {
        this.issue({
          rule: 'csv.entete_vide',
          line: this.recLine,
          column,
          value: name,
          message: csvMessages.enteteVide(this.recLine, column),
        });
        return;
      }
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, column);
      } else {
        this.issue({
          rule: 'csv.entete_double',
          line: this.recLine,
          column,
          columnName: name,
          value: name,
          message: csvMessages.enteteDouble(this.recLine, column, name, first),
        });
      }
    });
  }

  private reportStray(value: string): void {
    const column = this.fieldIdx + 1;
    const line = this.strayLine;
    this.issue({
      rule: 'csv.guillemet_parasite',
      line,
      column,
      ...this.columnName(this.fieldIdx),
      value: cut(value),
      message:
        this.stray === STRAY_IN_UNQUOTED
          ? csvMessages.guillemetParasiteOuvert(line, column)
          : csvMessages.guillemetParasiteFerme(line, column),
    });
    this.stray = STRAY_NONE;
  }

  private columnName(index: number): { columnName?: string } {
    const name = this.header?.[index];
    return name === undefined ? {} : { columnName: name };
  }

  private issue(issue: CsvIssue): void {
    this.issues.push(issue);
  }

  /**
   * Column arrays of `capacity` slots, written by index. Writing past the end still works (the
   * array grows); `takeColumns` cuts them to the number of records.
   */
  private newColumns(): string[][] {
    const columns: string[][] = [];
    for (let k = 0; k < this.ncols; k++) columns.push(new Array<string>(this.capacity));
    return columns;
  }

  private growLines(): void {
    const bigger = new Uint32Array(Math.min(this.lines.length * 2, this.batchSize));
    bigger.set(this.lines);
    this.lines = bigger;
  }

  /** The records of the current batch, cut to length. */
  takeColumns(): string[][] {
    const columns = this.columns;
    for (const column of columns) column.length = this.batchRows;
    return columns;
  }

  private flush(): void {
    const rowCount = this.batchRows;
    const batch: CsvBatch = {
      header: this.header ?? [],
      columns: this.takeColumns(),
      rowLines: this.lines.slice(0, rowCount),
      rowCount,
      firstRow: this.totalRows - rowCount,
      headerLine: this.headerLine,
    };
    // A full batch was read: the next one is probably full too.
    if (rowCount === this.batchSize) this.capacity = this.batchSize;
    if (!this.reuseColumns) this.columns = this.newColumns();
    this.batchRows = 0;
    this.onBatch?.(batch);
  }
}

/**
 * Parses CSV text (RFC 4180, with the normalisations documented on {@link ParsedCsv}) into
 * columns. Never throws on any string: problems are returned as `issues` with their line.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const core = new CsvCore(delimiter, Infinity, estimateRecords(text));
  core.feed(text);
  core.finish();
  return {
    delimiter,
    header: core.header ?? [],
    columns: core.takeColumns(),
    rowLines: core.lines.slice(0, core.batchRows),
    rowCount: core.totalRows,
    issues: core.issues,
  };
}

/** Preallocation cap: beyond it the column arrays grow as needed. */
const MAX_PREALLOCATED_RECORDS = 1 << 22;

/**
 * An upper bound of the number of records (each ends at a line break, except maybe the last),
 * capped. Counts LF, or CR for old-Mac files; lone CR mixed with LF may exceed it, which only
 * costs array growth.
 */
function estimateRecords(text: string): number {
  for (const lineEnd of ['\n', '\r']) {
    let n = 0;
    for (
      let p = text.indexOf(lineEnd);
      p >= 0 && n < MAX_PREALLOCATED_RECORDS;
      p = text.indexOf(lineEnd, p + 1)
    )
      n++;
    if (n > 0) return n + 1;
  }
  return 1;
}

function sniffDelimiter(text: string): CsvDelimiter {
  const sniffer = new DelimiterSniffer();
  return sniffer.scan(text) ?? sniffer.decide();
}

/**
 * Streaming parser with bounded memory: push text chunks (split anywhere, even inside a quoted
 * field, a `""` or a CRLF) and receive the records in batches of columns. Same state machine and
 * same results as {@link parseCsv}; before the delimiter is known (header line not complete and
 * no `delimiter` option), chunks are held back.
 */
export function createCsvParser(options: CsvParserOptions): CsvParser {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const make = (d: CsvDelimiter) => new CsvCore(d, batchSize, 1024, options.onBatch, options.reuseColumns === true);
  let core: CsvCore | null = options.delimiter === undefined ? null : make(options.delimiter);
  const sniffer = new DelimiterSniffer();
  let held: string[] = [];
  let ended = false;

  return {
    push(chunk: string): void {
      if (ended) throw new Error('createCsvParser: push() after end()');
      if (core !== null) {
        core.feed(chunk);
        return;
      }
      held.push(chunk);
      const delimiter = sniffer.scan(chunk);
      if (delimiter !== null) {
        core = make(delimiter);
        core.feed(held.join(''));
        held = [];
      }
    },
    end(): CsvParserResult {
      if (ended) throw new Error('createCsvParser: end() called twice');
      ended = true;
      if (core === null) {
        core = make(sniffer.decide());
        core.feed(held.join(''));
        held = [];
      }
      core.finish();
      return {
        header: core.header ?? [],
        headerLine: core.headerLine,
        delimiter: core.delimiter,
        rowCount: core.totalRows,
        issues: core.issues,
      };
    },
  };
}

/** {@link createCsvParser} over an async iterable of text chunks (e.g. a decoded file stream). */
export async function parseCsvStream(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: CsvParserOptions,
): Promise<CsvParserResult> {
  const parser = createCsvParser(options);
  for await (const chunk of chunks) parser.push(chunk);
  return parser.end();
}
