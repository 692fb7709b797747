/**
 * The CSV layer: bytes → text → columns of trimmed strings → typed cells. Pure and
 * browser-safe (no `node:` import): it runs in the build and in the "check your files" Web
 * Worker.
 *
 * Accepted input (docs/contrat-de-donnees.md, « Formats acceptés / Accepted CSV »):
 * - encoding UTF-8 with or without BOM, else Windows-1252; UTF-16 with a BOM ({@link decodeBytes});
 * - delimiter `;`, `,` or tab, detected on the header line (`;` wins ties);
 * - line endings LF, CRLF or CR; RFC 4180 quotes, quoted line breaks, `""` for a quote;
 * - every cell trimmed (spaces, tabs, U+00A0, U+202F…); blank lines skipped; an empty cell is a
 *   missing value.
 *
 * Every departure from this is either normalised as documented on {@link ParsedCsv} and on each
 * normaliser, or reported with its rule id and physical line ({@link CsvIssue},
 * {@link ParseResult}).
 *
 * Numbers: a single `,` or `.` is always the decimal mark (`1,234` is 1.234); thousands are
 * only spaces (`1 234,5`); anything ambiguous or mixed is an error ({@link parseDecimal}).
 *
 * Big files: {@link ChunkDecoder} decodes byte chunks as {@link decodeBytes} would the whole file,
 * and {@link createCsvParser} (or {@link parseCsvStream}) runs the same state machine on text
 * chunks split anywhere and hands out batches of columns, so memory stays bounded. Equal cells
 * of a column are the same string instance: each column interns its cells ({@link InternTable}),
 * so a cell already seen costs no allocation. With `idsOnly` (the validator's mode) the batches
 * carry only cell ids and one dictionary per column, and with `deferred` the text may be
 * Windows-1252 read as Latin-1 ({@link ChunkDecoder}'s `deferC1`), finished once per distinct cell.
 *
 * @example
 * const { text } = decodeBytes(bytes);
 * const csv = parseCsv(text);
 * const heures = csv.columns[csv.header.indexOf('heures')]!.map(parseDecimal);
 */
export { ChunkDecoder, decodeBytes, decodeWindows1252, NotUtf8Error, WINDOWS_1252_AS_LATIN1, type CsvEncoding, type DecodedText, type DeferredDecoding } from './decode.ts';
export { InternTable, type CellDictionary } from './intern.ts';
export {
  parseCsv,
  createCsvParser,
  parseCsvStream,
  type CsvBatch,
  type CsvDelimiter,
  type CsvIssue,
  type CsvParser,
  type CsvParserOptions,
  type CsvParserResult,
  type ParseCsvOptions,
  type ParsedCsv,
} from './parse.ts';
export { parseAmount, parseBoolean, parseDate, parseDecimal, parseInteger, parseMonth, splitMulti, type ParseResult } from './values.ts';
export { CSV_RULES, VALUE_MESSAGES, csvMessages, type CsvRule, type ValueRule } from './messages.ts';
