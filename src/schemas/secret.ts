/**
 * The marker of a hidden cell — a value withheld by disclosure control — in every published
 * format (CSV, XLSX, JSON; Parquet puts it in the cell's `statut_<colonne>`). The one definition:
 * what writes a release, what reads one and the pages' scripts compare with it. Kept apart from
 * release.ts so that browser code can import it without zod.
 */
export const SECRET = 'secret' as const;
export type Secret = typeof SECRET;
