/** `getStaticPaths` of the paged lists and of the contracts' JSON chunks. Build time only. */
import { LANGS } from '../../i18n/index.ts';
import { langParam } from '../routes.ts';
import { table } from '../data.ts';
import { OPERATIONS_TABLE } from '../pages-manifest.ts';
import { contracts, LIST_COLUMNS } from './data.ts';
import { laterPages } from './paging.ts';

/** Pages 2…n of the contracts or operations list, per language. */
export function listPaths(list: 'contracts' | 'operations') {
  const rows = list === 'contracts' ? (contracts()?.table.lignes.length ?? 0) : (table(OPERATIONS_TABLE)?.lignes.length ?? 0);
  return LANGS.flatMap((lang) => laterPages(rows).map((page) => ({ params: { lang: langParam(lang), page: String(page) }, props: { lang, page } })));
}

/** One chunk per year of notification (French root only: the data are the same in both languages). */
export function chunkPaths() {
  const years = [...(contracts()?.byYear.keys() ?? [])];
  return years.map((annee) => ({ params: { lang: undefined, annee: String(annee) }, props: { annee } }));
}

/**
 * The contracts of a year as `{ colonnes, lignes }`: the list's columns then `id_operation`, each
 * row an array of published values (codes, numbers, `"secret"`, `null`).
 */
export function chunkOf(annee: number): string {
  const c = contracts();
  const colonnes = [...LIST_COLUMNS.filter((n) => c?.columns.some((x) => x.nom === n)), 'id_operation'];
  const lignes = (c?.byYear.get(annee) ?? []).map((r) => colonnes.map((n) => r[n] ?? null));
  return JSON.stringify({ colonnes, lignes });
}
