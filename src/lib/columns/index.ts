/**
 * The columnar representation of the data: every column is dictionary-encoded, its distinct
 * values stored once and each row holding only the id of its value, in a typed array of 1, 2 or 4
 * bytes a row (`values[ids[i]]` is row i's value; id 0 is `null`).
 *
 * Why: a publisher's hours file runs to millions of rows but holds a few hundred months, codes
 * and hours and one id per person or contract. Encoded once by the validator (src/lib/validate),
 * a million-row column of codes takes 1 MB instead of an array of a million pointers, rules and
 * joins compare small integers instead of strings, and each distinct cell is checked once
 * (see docs/benchmark.md for the figures).
 *
 * - `ColumnResult`: a validated column, with its cells as written (for the report's lines);
 * - `DictionaryColumn`: the same ids and values as a column of an arquero table, so that
 *   indicators and cells use arquero's API unchanged; it groups by its ids (arquero's hook);
 * - `IdArray`, `idArray`, `GrowingIds`: the typed arrays of ids.
 */
export { GrowingIds, idArray, type IdArray } from './ids.ts';
export { numbersById, rawCell, type ColumnResult } from './result.ts';
export { DictionaryColumn, nullColumn } from './dictionary.ts';
