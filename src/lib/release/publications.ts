import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { Publication } from '../../schemas/release.ts';
import type { Secret } from '../../schemas/secret.ts';

/** The release history (`publication.json`, `publications.json`: src/schemas/release.ts) and the changelog written from it. */

/** The entry to compare with: the latest one of another version. */
export function previousRelease(current: Pick<Publication, 'version'>, history: readonly Publication[]): Publication | undefined {
  return [...history].reverse().find((p) => p.version !== current.version);
}

const show = (v: number | Secret | null | undefined) => (v === undefined ? '—' : v === null ? 'vide / empty' : String(v));

/**
 * CHANGELOG.md: what changed since the previous release (tables added or removed, row counts,
 * tables whose content changed, key figures revised old → new), then the list of releases.
 */
export function changelog(meta: Metadonnees, current: Publication, history: readonly Publication[]): string {
  const prev = previousRelease(current, history);
  const out: string[] = [
    `# Journal des versions — ${meta.nom}`,
    '',
    '> Changelog of the published data. French first; each section title has its English meaning.',
    '',
    `## ${current.version} — ${current.date_publication}`,
    '',
  ];
  if (current.notes) out.push(current.notes, '');
  if (!prev) {
    out.push('Première publication de ces données. / First release of these data.', '');
  } else {
    out.push(`Comparée à la version ${prev.version} du ${prev.date_publication}. / Compared with release ${prev.version}.`, '');
    const ids = [...new Set([...Object.keys(prev.tables), ...Object.keys(current.tables)])].sort();
    const added = ids.filter((id) => !prev.tables[id]);
    const removed = ids.filter((id) => !current.tables[id]);
    const kept = ids.filter((id) => prev.tables[id] && current.tables[id]);
    const rows = kept.filter((id) => prev.tables[id]!.lignes !== current.tables[id]!.lignes);
    const changed = kept.filter((id) => prev.tables[id]!.lignes === current.tables[id]!.lignes && prev.tables[id]!.sha256 !== current.tables[id]!.sha256);
    const unchanged = kept.length - rows.length - changed.length;

    // Each heading and line is « français / English », so that a page can keep one side (src/site/markdown.ts).
    out.push('### Tables ajoutées, avec leur nombre de lignes / Tables added, with their number of rows', '');
    out.push(...(added.length ? added.map((id) => `- \`${id}\` : ${current.tables[id]!.lignes}`) : ['Aucune. / None.']), '');
    out.push('### Tables retirées / Tables removed', '');
    out.push(...(removed.length ? removed.map((id) => `- \`${id}\``) : ['Aucune. / None.']), '');
    out.push('### Lignes ajoutées ou retirées / Rows added or removed', '');
    if (rows.length) {
      out.push('| table | avant / before | après / after | écart / change |', '|---|---:|---:|---:|');
      for (const id of rows) {
        const a = prev.tables[id]!.lignes;
        const b = current.tables[id]!.lignes;
        out.push(`| \`${id}\` | ${a} | ${b} | ${b > a ? '+' : ''}${b - a} |`);
      }
    } else out.push('Aucune. / None.');
    out.push('');
    out.push('### Valeurs révisées à lignes constantes / Values revised, same rows', '');
    out.push(...(changed.length ? changed.map((id) => `- \`${id}\``) : ['Aucune. / None.']), '');
    out.push(`Tables inchangées : ${unchanged}. / Unchanged tables: ${unchanged}.`, '');

    out.push('### Chiffres clés révisés / Key figures revised', '');
    const keys = [...new Set([...Object.keys(prev.chiffres_cles), ...Object.keys(current.chiffres_cles)])];
    const revised = keys.filter((k) => prev.chiffres_cles[k] !== current.chiffres_cles[k]);
    if (revised.length) {
      out.push('| indicateur | avant / before | après / after |', '|---|---:|---:|');
      for (const k of revised) out.push(`| \`${k}\` | ${show(prev.chiffres_cles[k])} | ${show(current.chiffres_cles[k])} |`);
    } else out.push('Aucun. / None.');
    out.push('');
  }
  const older = history.filter((p) => p.version !== current.version).reverse();
  if (older.length) {
    out.push('## Versions précédentes / Previous releases', '');
    for (const p of older) out.push(`- ${p.version} — ${p.date_publication}${p.notes ? ` : ${p.notes}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}
