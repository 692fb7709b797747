/**
 * Earlier releases still published, audited together with the new one: an outsider who sets two
 * releases side by side must recover nothing. An earlier release is read from its published CSV
 * files (`data/<editeur>/versions/<version>/`, exactly as published); its cells are today's cells
 * restricted to its window (contracts notified by its end, hours of months up to its end, as
 * `restrictDataset` made it), so each of its figures is a sum of today's atoms within that window.
 *
 * The values the audit gives those rows are today's data restricted to the window, not the
 * figures as published: when data were corrected since, the attacker is assumed to know the
 * corrected values, which only makes the audit stricter.
 */
import { computeCells, cellKey, toValue, type Cells } from '../cells/index.ts';
import { parseCsv } from '../csv/index.ts';
import { SECRET } from '../../schemas/secret.ts';
import { isSensitive, type DisclosureRules } from '../protect/rules.ts';
import { DIMENSIONS, type DimValue } from '../indicators/dimensions.ts';
import { restrictDataset } from '../release/restrict.ts';
import type { TableSpec } from '../tables/types.ts';

export interface EarlierRelease {
  version: string;
  date_publication: string;
  /** Last day of its period, `YYYY-MM-DD`. */
  fin: string;
  /** Its published CSV tables, by table id (`heures-par-annee`…), as published. */
  tables: ReadonlyMap<string, Uint8Array>;
}

/** What the audit reads of an earlier release. */
export interface EarlierView {
  version: string;
  fin: string;
  /** Per hour row of today's data: inside the release's window. */
  rowIn: Uint8Array;
  /** Its cells, computed again from today's data restricted to its window. */
  cells: Cells;
  /** Keys (today's form) of the cells whose figures it published, and of those it hid. */
  published: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** Its primary cells (too small in its window): they must stay protected. */
  primary: ReadonlySet<string>;
}

export class EarlierReleaseError extends Error {}

/** The key of an earlier release's cell in the audit's models: its version, then today's key. */
export const earlierKey = (version: string, key: string) => `${version}\u0001${key}`;

/** Key figures whose value states a cell's hours (a share times the total). */
const KEY_FIGURE_CELLS: Readonly<Record<string, Record<string, DimValue>>> = {
  heures_realisees: {},
  part_heures_siae: { famille_structure: 'SIAE' },
  part_heures_alternance: { famille_contrat: 'ALTERNANCE' },
  part_heures_cdi: { type_contrat: 'CDI' },
};

/**
 * Reads an earlier release against today's cells: which of its cells it published, which it hid,
 * which are primary. Refused (an error in French and English) when one of its tables cannot be
 * tied to today's data: a table this code does not publish by the same breakdown.
 */
export function earlierView(cells: Cells, release: EarlierRelease, tables: readonly TableSpec[], rules: DisclosureRules): EarlierView {
  const restricted = computeCells(restrictDataset(cells.ds, release.fin, { version: release.version, date_publication: release.date_publication }), cells.cubes, {
    k: cells.k,
    refs: cells.references,
  });
  const published = new Set<string>();
  const hidden = new Set<string>();
  const refuse = (why: string, whyEn: string) => {
    throw new EarlierReleaseError(
      `La version ${release.version} encore publiée ne peut pas être auditée avec celle-ci : ${why}. Retirez-la (data/<editeur>/versions/${release.version}/) ou republiez-la avec ce code. / ` +
        `Release ${release.version}, still published, cannot be audited with this one: ${whyEn}. Withdraw it (data/<editeur>/versions/${release.version}/) or publish it again with this code.`,
    );
  };
  for (const [id, bytes] of release.tables) {
    const { header, columns } = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { delimiter: ',' });
    const column = (name: string) => columns[header.indexOf(name)];
    if (id === 'chiffres-cles') {
      const ids = column('indicateur') ?? [];
      const values = column('valeur') ?? [];
      ids.forEach((figure, i) => {
        const dims = KEY_FIGURE_CELLS[figure];
        if (!dims) return;
        (values[i] === SECRET ? hidden : published).add(cellKey(dims));
      });
      continue;
    }
    const hours = column('heures_realisees');
    if (!hours) continue; // no figure carried out: contracts, contract counts
    const spec = tables.find((t) => t.id === id);
    if (!spec || spec.cubes.length !== 1) refuse(`la table ${id} n'est plus publiée ainsi`, `table ${id} is no longer published this way`);
    const dims = spec!.cubes[0]!;
    for (const d of dims) if (!column(d)) refuse(`la table ${id} n'a pas de colonne ${d}`, `table ${id} has no column ${d}`);
    hours.forEach((h, i) => {
      const values: Record<string, DimValue> = {};
      for (const d of dims) values[d] = toValue(d, DIMENSIONS[d].type === 'boolean' ? column(d)![i] === 'true' : column(d)![i]);
      const key = cellKey(values);
      if (!cells.cells.has(key)) refuse(`sa case ${key} (table ${id}) n'existe plus`, `its cell ${key} (table ${id}) no longer exists`);
      (h === SECRET ? hidden : published).add(key);
    });
  }
  const primary = new Set<string>();
  for (const [key, cell] of restricted.cells) if (isSensitive([cell], rules)) primary.add(key);
  // Rows of today's data inside the window: months up to its end, contracts notified by then.
  const { rows, ds } = cells;
  const notified = new Map<unknown, string>();
  const ids = ds.marches.array('id_marche');
  const dates = ds.marches.array('date_notification');
  for (let i = 0; i < ids.length; i++) notified.set(ids[i], String(dates[i]));
  const month = rows.codes('mois');
  const contract = rows.codes('id_marche');
  const monthIn = Uint8Array.from(month.values, (m) => (String(m) <= release.fin.slice(0, 7) ? 1 : 0));
  const contractIn = Uint8Array.from(contract.values, (c) => ((notified.get(c) ?? '9999') <= release.fin ? 1 : 0));
  const rowIn = new Uint8Array(rows.n);
  for (let i = 0; i < rows.n; i++) rowIn[i] = monthIn[month.ids[i]!]! & contractIn[contract.ids[i]!]!;
  return { version: release.version, fin: release.fin, rowIn, cells: restricted, published, hidden, primary };
}
