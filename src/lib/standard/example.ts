/**
 * The valid example files of the standard, generated from the `example` of every field of
 * src/schemas (one row per table), never written by hand.
 *
 * A field's example is written the way a publisher may type it (`14/03/2018`, `1 254 300,00`,
 * `Procédure adaptée`); the example file holds its canonical form (ISO dates, dot decimals,
 * canonical codes), which is what the published Table Schema describes. Each cell goes through the
 * validator's own cell reader (`checkCell`), so an example the validator would refuse fails here.
 */
import type { FieldDef } from '../../schemas/field.ts';
import { marches, TABLES, type TableDef } from '../../schemas/index.ts';
import type { Metadonnees } from '../../schemas/metadonnees.ts';
import { toCSV } from '../release/csv.ts';
import type { Colonne, Ligne, Valeur } from '../tables/types.ts';
import { checkCell } from '../validate/check-cell.ts';

/** The canonical value of a field's example, as a published cell value. */
export function canonicalExample(name: string, field: FieldDef): Valeur {
  const cell = checkCell(field, field.example);
  if (!cell.ok) throw new Error(`L'exemple du champ ${name} est invalide (${cell.rule}) / invalid example of field ${name}`);
  const v = cell.value;
  if (Array.isArray(v)) return v.join('|');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`Valeur d'exemple inattendue pour ${name} / unexpected example value for ${name}`);
}

/** The example row of a table: every field's canonical example. */
export function exampleRow(def: TableDef): Ligne {
  return Object.fromEntries(Object.entries(def.fields as Readonly<Record<string, FieldDef>>).map(([name, f]) => [name, canonicalExample(name, f)]));
}

/**
 * `exemple-valide.csv` of a table: UTF-8 with a byte-order mark (spreadsheets then read the
 * accents), comma delimiter, CRLF, the columns in contract order.
 */
export function exampleCsv(def: TableDef): string {
  const colonnes: Colonne[] = Object.keys(def.fields).map((nom) => ({
    nom,
    type: 'string',
    role: 'dimension',
    titre: { fr: nom, en: nom },
  }));
  return toCSV(colonnes, [exampleRow(def)]);
}

/**
 * The example metadata file that goes with the example tables: its buyer SIRET, département and
 * period are read from the contract's examples, so that the seven files validate together.
 */
export function exampleMetadata(): Metadonnees {
  const row = exampleRow(marches);
  const year = String(row.date_notification).slice(0, 4);
  const departements = ['44', '49', '53', '72', '85'];
  const own = String(row.departement);
  if (!departements.includes(own)) departements.unshift(own);
  return {
    id: 'exemple',
    nom: 'Acheteur exemple',
    siret_acheteur: String(row.id_acheteur),
    territoire: 'Territoire exemple',
    code_region: '52',
    departements,
    periode: { debut: `${year}-01-01`, fin: `${year}-12-31` },
    licence: 'Etalab-2.0',
    contact: 'https://www.example.org/clauses-insertion',
    seuil_secret: 5,
    niveau_protection: 10,
    synthetique: true,
    version: `${year}.1`,
    date_publication: `${Number(year) + 1}-03-01`,
    frequence: 'annuelle',
    sources: [{ titre: 'Exemple du standard, généré à partir des exemples de chaque champ (données inventées)' }],
    profil: {
      formes: {
        fr: { nom: "l'Acheteur exemple", de_nom: "de l'Acheteur exemple" },
        en: { nom: 'the Example buyer', de_nom: 'of the Example buyer' },
      },
      directions: [{ code: String(row.direction), fr: 'Collèges', en: 'Lower secondary schools', porte_le_dispositif: false }],
    },
  };
}

/** Every table's example file by file name (`marches.csv`…), as a publisher folder holds them. */
export function exampleFolder(): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t.file, exampleCsv(t)]));
}
