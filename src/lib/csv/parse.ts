import type { DeferredDecoding } from './decode.ts';
import { InternTable, type CellDictionary } from './intern.ts';
import { csvMessages, type CsvRule } from './messages.ts';
import type { Bilingual } from '../lang.ts';

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
  message: Bilingual;
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
 *   header; they still count for line numbers. So is a line of empty fields (`;;;`): Excel
 *   writes them for rows that were once formatted.
 * - Excel's trailing empty columns: empty header names after the last named column, and empty
 *   fields past the header's width, are no issue; such a column that holds a cell is
 *   `csv.entete_vide` (reported when the file ends), and a record with a non-empty field past
 *   the header's width is `csv.champs_en_trop`. A record that stops before the unnamed trailing
 *   columns is complete.
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
  /**
   * One array per header column, `rowCount` trimmed cells each (fresh arrays for every batch);
   * empty with `idsOnly`.
   */
  columns: string[][];
  /**
   * One array per header column, `rowCount` cell ids each: the cell of row `r` of column `k` is
   * `dictionaries[k].values[ids[k][r]]`, and id 0 is the empty cell. Equal cells of a column have the same
   * id. With `reuseColumns`, the arrays are overwritten by the next batch.
   */
  ids: Uint32Array[];
  /**
   * Per header column, its distinct trimmed cells by id (`values[0]` is `''`). With `idsOnly`
   * each column keeps one dictionary for the whole parse, which grows as new cells come (ids of
   * earlier batches stay valid); otherwise each batch has its own.
   */
  dictionaries: readonly CellDictionary[];
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
   * Hand out the same id arrays for every batch, overwritten by the next one, when `onBatch`
   * is done with them on return (the validator copies what it needs): no allocation of a few
   * hundred kilobytes per column and batch. Only with `idsOnly`. Default false.
   */
  reuseColumns?: boolean;
  /**
   * Hand out cell ids and one growing dictionary per column, and no strings (`columns` is
   * empty): the validator's mode, in which a million-row column costs as many strings as it has
   * distinct cells. Memory then grows with the number of distinct cells. Default false: strings,
   * and memory bounded by a batch.
   */
  idsOnly?: boolean;
  /**
   * The text pushed is not finished (`ChunkDecoder.deferred`: Windows-1252 read as Latin-1):
   * every string the parser gives back (cells, header names, values in issues) is finished with
   * it. The structure of the text (delimiters, quotes, line ends, spaces) is the same either way.
   */
  deferred?: DeferredDecoding;
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
 * The one CSV state machine. `feed` takes text chunks split anywhere; each cell is interned in
 * its column's {@link InternTable} and stored as an id in a per-column `Uint32Array` (no string
 * and no object per cell), and the records are handed out every `batchSize` records.
 *
 * Fast path: an unquoted field is the text up to the nearest delimiter, LF or CR. The next
 * position of each of these characters and of `"` is found with `indexOf` and cached until the
 * scan passes it, so each character of the text is examined a bounded number of times; the cell
 * is then hashed where it lies, and only a cell never seen in its column is cut out as a string.
 */
class CsvCore {
  readonly delimiter: CsvDelimiter;
  private readonly delimCode: number;
  private readonly batchSize: number;
  private capacity: number;
  private readonly onBatch: ((batch: CsvBatch) => void) | undefined;
  private readonly reuseColumns: boolean;
  private readonly idsOnly: boolean;

  header: string[] | null = null;
  /** Physical line where the header starts. */
  headerLine = 1;
  /** Per header column, the ids of the cells of the current batch (`capacity` slots). */
  ids: Uint32Array[] = [];
  /** Per header column, its interned cells (created on the column's first non-empty cell). */
  tables: (InternTable | undefined)[] = [];
  lines: Uint32Array;
  batchRows = 0;
  totalRows = 0;
  readonly issues: CsvIssue[] = [];

  private ncols = 0;
  /** Cells of the header line, and of blank-only lines before it. */
  private headerTable: InternTable;
  private headerIds: number[] = [];
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
  /**
   * Index of the first of the header's trailing columns without a name (Excel's `;;;` after the
   * last column of a table): `ncols` when there are none. Their cells are not an error while
   * they are all empty.
   */
  private firstUnnamed = 0;
  /** The first unnamed trailing column that holds a cell (-1: none yet). */
  private unnamedUsed = -1;
  /** A field past the header's width holds something (the record has extra fields that count). */
  private extraNonEmpty = false;
  private lastWasCR = false; // the previous chunk ended with CR: skip or do not count a leading LF

  /**
   * @param capacity expected number of records in the first batch: column arrays are allocated
   *   at that length up front, and grow by doubling.
   * @param idsOnly batches carry ids and dictionaries only (`columns` empty); the dictionaries
   *   then live for the whole parse. Otherwise cells are handed out as strings and the
   *   dictionaries start afresh with every batch, so memory stays bounded by a batch.
   */
  constructor(
    delimiter: CsvDelimiter,
    batchSize: number,
    capacity: number,
    onBatch?: (batch: CsvBatch) => void,
    reuseColumns = false,
    idsOnly = false,
    private readonly deferred?: DeferredDecoding,
  ) {
    this.reuseColumns = reuseColumns;
    this.idsOnly = idsOnly;
    this.delimiter = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
    this.batchSize = batchSize;
    this.capacity = Math.max(1, Math.min(capacity, batchSize));
    this.onBatch = onBatch;
    this.lines = new Uint32Array(this.capacity);
    this.headerTable = new InternTable(deferred);
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
        // The cell ends at the nearest delimiter or line end (found by `indexOf`).
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
        let id: number;
        if (mode === UNQUOTED) {
          id = this.table().idOfString(this.partial + text.slice(pos, end));
          this.partial = '';
        } else {
          // Fast path: the cell is hashed where it lies; only a new cell becomes a string.
          id = this.table().idOf(text, pos, end);
        }
        pos = this.terminate(text, end, id);
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
          const id = this.table().idOfString(this.partial);
          this.partial = '';
          pos = this.terminate(text, pos, id);
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
      if (this.fieldIdx > 0) this.endRecord(0); // a trailing delimiter at the very end
    } else {
      if (mode === QUOTED) {
        const column = this.fieldIdx + 1;
        this.issue({
          rule: 'csv.guillemet_non_ferme',
          line: this.fieldLine,
          column,
          ...this.columnName(this.fieldIdx),
          value: cut(this.finished(this.partial.trim())),
          message: csvMessages.guillemetNonFerme(this.fieldLine, column),
        });
      }
      const id = this.table().idOfString(this.partial);
      this.partial = '';
      this.endRecord(id);
    }
    if (this.header === null) {
      this.header = [];
      this.issue({ rule: 'csv.vide', line: 1, message: csvMessages.vide() });
    }
    if (this.unnamedUsed >= 0) {
      const column = this.unnamedUsed + 1;
      this.issue({ rule: 'csv.entete_vide', line: this.headerLine, column, value: '', message: csvMessages.enteteVide(this.headerLine, column) });
    }
    if (this.onBatch !== undefined && this.batchRows > 0) this.flush();
  }

  /**
   * The table the current field's cell goes to: its column's, the header's, or (for fields past
   * the header's width, which are dropped) the header's as well, so that they cost no table.
   */
  private table(): InternTable {
    const i = this.fieldIdx;
    if (this.header === null || i >= this.ncols) return this.headerTable;
    return (this.tables[i] ??= new InternTable(this.deferred));
  }

  private finished(s: string): string {
    return this.deferred ? this.deferred.finish(s) : s;
  }

  /** The trimmed text of a cell id of the current field. */
  private valueOf(id: number): string {
    return this.table().values[id]!;
  }

  /** Handles the delimiter or line end at `at`, after a field; returns the next position. */
  private terminate(text: string, at: number, id: number): number {
    const c = text.charCodeAt(at);
    if (c === this.delimCode) {
      this.endField(id);
      return at + 1;
    }
    this.endRecord(id);
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

  private endField(id: number): void {
    if (this.stray !== STRAY_NONE) this.reportStray(id);
    const i = this.fieldIdx;
    if (this.header === null) this.headerIds.push(id);
    else if (i < this.ncols) {
      this.ids[i]![this.batchRows] = id;
      if (i >= this.firstUnnamed && id !== 0) this.noteUnnamed(i);
    } else if (id !== 0) this.extraNonEmpty = true;
    // A line of empty fields (`;;;`, or tabs) is blank: Excel writes them for rows it once formatted.
    if (id !== 0 || this.fieldQuoted) this.nonBlank = true;
    this.fieldIdx = i + 1;
    this.fieldQuoted = false;
    this.mode = START;
  }

  private endRecord(id: number): void {
    if (this.stray !== STRAY_NONE) this.reportStray(id);
    const i = this.fieldIdx;
    if (!this.nonBlank && id === 0 && !this.fieldQuoted) {
      // Blank line. Empty fields already stored at row `batchRows` (a line of tabs) will be
      // overwritten by the next record or cut off at the end.
      if (this.header === null) this.headerIds.length = 0;
    } else if (this.header === null) {
      this.headerIds.push(id);
      this.setHeader();
    } else {
      const ncols = this.ncols;
      const row = this.batchRows;
      const got = i + 1;
      if (i < ncols) {
        this.ids[i]![row] = id;
        if (i >= this.firstUnnamed && id !== 0) this.noteUnnamed(i);
        // Missing fields are an issue unless they are only the header's unnamed trailing ones.
        if (got < this.firstUnnamed) {
          for (let k = got; k < ncols; k++) this.ids[k]![row] = 0;
          this.issue({
            rule: 'csv.champs_manquants',
            line: this.recLine,
            expected: ncols,
            got,
            message: csvMessages.champsManquants(this.recLine, ncols, got),
          });
        } else if (got < ncols) {
          for (let k = got; k < ncols; k++) this.ids[k]![row] = 0;
        }
      } else if (this.extraNonEmpty || id !== 0) {
        // Extra fields that are all empty are Excel's trailing `;;;`: dropped without an issue.
        this.issue({
          rule: 'csv.champs_en_trop',
          line: this.recLine,
          expected: ncols,
          got,
          message: csvMessages.champsEnTrop(this.recLine, ncols, got),
        });
      }
      this.lines[row] = this.recLine;
      this.batchRows = row + 1;
      this.totalRows++;
      if (this.batchRows >= this.batchSize) this.flush();
      else if (this.batchRows === this.lines.length) this.grow();
    }
    this.fieldIdx = 0;
    this.fieldQuoted = false;
    this.nonBlank = false;
    this.extraNonEmpty = false;
    this.mode = START;
  }

  /** An unnamed trailing column holds a cell: its empty name becomes an issue after all. */
  private noteUnnamed(column: number): void {
    if (this.unnamedUsed < 0 || column < this.unnamedUsed) this.unnamedUsed = column;
  }

  private setHeader(): void {
    const header = this.headerIds.map((id) => this.headerTable.values[id]!);
    this.headerIds = [];
    this.headerTable = new InternTable(this.deferred);
    this.header = header;
    this.headerLine = this.recLine;
    this.ncols = header.length;
    // A hostile header of thousands of columns must not allocate gigabytes of column arrays:
    // at most MAX_BATCH_CELLS ids up front, the arrays grow when rows come.
    this.capacity = Math.max(1, Math.min(this.capacity, Math.floor(MAX_BATCH_CELLS / Math.max(1, this.ncols))));
    this.lines = new Uint32Array(this.capacity);
    this.ids = this.newColumns();
    this.tables = new Array<InternTable | undefined>(this.ncols);
    let firstUnnamed = header.length;
    while (firstUnnamed > 0 && header[firstUnnamed - 1] === '') firstUnnamed--;
    this.firstUnnamed = firstUnnamed;
    const seen = new Map<string, number>();
    header.forEach((name, k) => {
      const column = k + 1;
      // Unnamed trailing columns are reported only if a row uses them (see `finish`).
      if (name === '' && k >= firstUnnamed) return;
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

  private reportStray(id: number): void {
    const column = this.fieldIdx + 1;
    const line = this.strayLine;
    this.issue({
      rule: 'csv.guillemet_parasite',
      line,
      column,
      ...this.columnName(this.fieldIdx),
      value: cut(this.valueOf(id)),
      message: this.stray === STRAY_IN_UNQUOTED ? csvMessages.guillemetParasiteOuvert(line, column) : csvMessages.guillemetParasiteFerme(line, column),
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

  /** Column id arrays of `capacity` slots, written by index. */
  private newColumns(): Uint32Array[] {
    const columns: Uint32Array[] = [];
    for (let k = 0; k < this.ncols; k++) columns.push(new Uint32Array(this.capacity));
    return columns;
  }

  /** Doubles the room for records of the current batch (up to `batchSize`). */
  private grow(): void {
    const size = Math.min(this.lines.length * 2, this.batchSize);
    const lines = new Uint32Array(size);
    lines.set(this.lines);
    this.lines = lines;
    this.ids = this.ids.map((column) => {
      const bigger = new Uint32Array(size);
      bigger.set(column);
      return bigger;
    });
    this.capacity = size;
  }

  /** The records of the current batch as strings, column by column. */
  takeColumns(): string[][] {
    const n = this.batchRows;
    return this.ids.map((ids, k) => {
      const values = this.tables[k]?.values ?? EMPTY_VALUES;
      const column = new Array<string>(n);
      for (let r = 0; r < n; r++) column[r] = values[ids[r]!]!;
      return column;
    });
  }

  private flush(): void {
    const rowCount = this.batchRows;
    const ids = this.ids.map((column) => column.subarray(0, rowCount));
    const batch: CsvBatch = {
      header: this.header ?? [],
      columns: this.idsOnly ? [] : this.takeColumns(),
      ids,
      dictionaries: this.ids.map((_, k) => (this.tables[k] ??= new InternTable(this.deferred))),
      rowLines: this.lines.slice(0, rowCount),
      rowCount,
      firstRow: this.totalRows - rowCount,
      headerLine: this.headerLine,
    };
    // A full batch was read: the next one is probably full too.
    if (rowCount === this.batchSize && this.capacity < this.batchSize) {
      this.capacity = Math.min(this.batchSize, Math.max(this.capacity, Math.floor(MAX_BATCH_CELLS / Math.max(1, this.ncols))));
    }
    if (!(this.idsOnly && this.reuseColumns) || this.ids[0]?.length !== this.capacity) {
      this.ids = this.newColumns();
      this.lines = new Uint32Array(this.capacity);
    }
    // Strings were handed out: the next batch interns afresh (memory bounded by a batch).
    if (!this.idsOnly) this.tables = new Array<InternTable | undefined>(this.ncols);
    this.batchRows = 0;
    this.onBatch?.(batch);
  }
}

/** The dictionary of a column that has seen no cell yet. */
const EMPTY_VALUES: readonly string[] = [''];

/** Column ids allocated up front per batch, over all columns. */
const MAX_BATCH_CELLS = 1 << 22;

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
    for (let p = text.indexOf(lineEnd); p >= 0 && n < MAX_PREALLOCATED_RECORDS; p = text.indexOf(lineEnd, p + 1)) n++;
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
  const idsOnly = options.idsOnly === true;
  const make = (d: CsvDelimiter) => new CsvCore(d, batchSize, 1024, options.onBatch, idsOnly && options.reuseColumns === true, idsOnly, options.deferred);
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
export async function parseCsvStream(chunks: AsyncIterable<string> | Iterable<string>, options: CsvParserOptions): Promise<CsvParserResult> {
  const parser = createCsvParser(options);
  for await (const chunk of chunks) parser.push(chunk);
  return parser.end();
}
