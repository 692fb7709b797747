import type { Protection } from '../protect/protect.ts';
import type { Dimension } from '../indicators/dimensions.ts';
import type { CibleOdd } from '../sdg.ts';
import type { FieldType, ReleaseCell } from '../../schemas/release.ts';
import type { Bilingual } from '../lang.ts';

/** Table Schema types used by published columns (the release schema's, src/schemas/release.ts). */
export type TypeColonne = FieldType;

export interface Colonne {
  /** French snake_case, stable from one release to the next. */
  nom: string;
  type: TypeColonne;
  role: 'dimension' | 'mesure';
  titre: Bilingual;
  description?: Bilingual;
  unite?: Bilingual;
  /** Decimals kept in published files (numbers are rounded once, when rows are computed). */
  decimales?: number;
}

/**
 * A published value: a number, a text, a boolean, `null` for missing / not applicable (empty
 * cell) or the string `secret` for a value hidden by disclosure control (src/schemas/release.ts).
 */
export type Valeur = ReleaseCell;
export type Ligne = Record<string, Valeur>;

export interface TableSpec {
  /** kebab-case, stable: file names and the site's routes. */
  id: string;
  titre: Bilingual;
  description: Bilingual;
  colonnes: Colonne[];
  /** Columns identifying a row (Table Schema primary key). */
  cle: string[];
  /** SDG targets the table speaks to (see src/lib/sdg.ts). */
  odd: CibleOdd[];
  /** Cubes (sets of dimensions) of person data the table publishes: disclosure control covers them jointly. */
  cubes: Dimension[][];
  /** Its rows, in publication order, read from the protected cells. */
  compute(input: TableInput): Ligne[];
}

/** What the tables step reads: the protected cells. */
export interface TableInput {
  protection: Protection;
}
