/** Spreadsheet cell names (columns A, B… Z, AA, AB…) and where an issue of a table is. */
import type { Location } from './report.ts';

export { columnName as columnLetter } from '../cell-names.ts';

/** Where a table's cells are: its file, and for a workbook its sheet and column letters. */
export interface TableWhere {
  file: string;
  sheet?: string;
  letters?: ReadonlyMap<string, string>;
}

/**
 * The location of an issue at `line` (1-based, a physical line or a sheet's row) of a table, in
 * `column`: for a sheet, with the sheet and the cell (`H12`) a spreadsheet shows.
 */
export function locate(t: TableWhere, line: number | undefined, column?: string, value?: string): Location {
  const at: Location = {};
  if (t.sheet !== undefined) at.sheet = t.sheet;
  if (line !== undefined) at.line = line;
  const letter = column === undefined ? undefined : t.letters?.get(column.split(',')[0]!.trim());
  if (letter !== undefined && line !== undefined) at.cell = `${letter}${line}`;
  if (column !== undefined) at.column = column;
  if (value !== undefined) at.value = value;
  return at;
}
