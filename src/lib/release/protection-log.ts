/**
 * The protection log of a release (`protection.md`, `protection.json`): what disclosure control
 * did and what the audit proved, in figures that reveal nothing about any cell — the rules (k,
 * protection level, company rule), how many cells each table hides (primary: too small
 * themselves; secondary: hidden so that the primary ones cannot be recovered), and the audit's
 * result: for hours, the narrowest interval an outsider can be proved to be left with, relative
 * to the true value, among all primary cells; for counts, that none is pinned.
 */
import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { ProtectionLogJson } from '../../schemas/release.ts';
import { SECRET } from '../../schemas/secret.ts';
import type { AuditReport, Measure } from '../audit/index.ts';
import { cellKey } from '../cells/index.ts';
import type { Protection } from '../protect/protect.ts';
import type { ComputedTable } from './build.ts';

export interface ProtectionSummary {
  protection: Protection;
  audit: AuditReport;
  /** Earlier releases still published, audited together with this one (their versions). */
  earlier: readonly string[];
}

export type TableCount = ProtectionLogJson['tables'][number];

const pct = (x: number) => Math.round(x * 1000) / 10;

export function protectionLog(meta: Metadonnees, tables: readonly ComputedTable[], summary: ProtectionSummary): { json: ProtectionLogJson; markdown: string } {
  const { protection: p, audit } = summary;
  const counts: TableCount[] = tables.map(({ t, rows }) => {
    if (t.cubes.length === 1) {
      const keys = p.grid(t.cubes[0]!).map(cellKey);
      return {
        table: t.id,
        cellules: keys.length,
        primaires: keys.filter((k) => p.primary.has(k)).length,
        secondaires: keys.filter((k) => p.hidden.has(k) && !p.primary.has(k)).length,
      };
    }
    const secret = rows.filter((r) => Object.values(r).includes(SECRET)).length;
    return { table: t.id, cellules: rows.length, primaires: 0, secondaires: secret };
  });
  const of = (m: Measure) => audit.bounds.filter((b) => b.measure === m);
  const hours = of('heures');
  const narrowest = hours.length === 0 ? null : Math.min(...hours.map((b) => Math.min((b.value - b.min) / b.value, (b.max - b.value) / b.value)));
  const json: ProtectionLogJson = {
    version: meta.version,
    seuil_secret: p.rules.k,
    niveau_protection_pct: pct(p.rules.niveau),
    regle_entreprises: { entreprises_min: p.rules.entreprisesMin, part_max_pct: pct(p.rules.dominanceMax) },
    versions_auditees_ensemble: [...summary.earlier],
    tables: counts,
    audit: {
      resultat: audit.ok ? 'conforme' : 'refuse',
      heures: { cellules_primaires: hours.length, ecart_relatif_minimal_pct: narrowest === null ? null : pct(narrowest), intervalles_exacts: hours.filter((b) => b.exact).length },
      personnes: { cellules_primaires: of('personnes').length, comptes_figes: of('personnes').filter((b) => b.short.length > 0).length },
      entreprises: { cellules_primaires: of('entreprises').length, prouvees_sous_3: of('entreprises').filter((b) => b.short.length > 0).length },
    },
  };
  const total = (f: (c: TableCount) => number) => counts.reduce((s, c) => s + f(c), 0);
  const a = json.audit;
  const earlierFr = json.versions_auditees_ensemble.length > 0 ? `avec les versions encore publiées ${json.versions_auditees_ensemble.join(', ')}` : 'seule (aucune version antérieure publiée)';
  const earlierEn = json.versions_auditees_ensemble.length > 0 ? `together with the releases still published, ${json.versions_auditees_ensemble.join(', ')}` : 'alone (no earlier release published)';
  const narrowFr = a.heures.ecart_relatif_minimal_pct === null ? 'aucune case primaire' : `± ${a.heures.ecart_relatif_minimal_pct.toLocaleString('fr-FR')} % au moins`;
  const narrowEn = a.heures.ecart_relatif_minimal_pct === null ? 'no primary cell' : `at least ± ${a.heures.ecart_relatif_minimal_pct} %`;
  const markdown = [
    `# Journal de protection — ${meta.nom}, version ${meta.version}`,
    '',
    '> Protection log. French first; the English version follows.',
    '',
    '## Règles',
    '',
    `- Secret des personnes : aucune case publiée ne compte de 1 à ${p.rules.k - 1} personnes (seuil k = ${p.rules.k}).`,
    `- Niveau de protection : ± ${json.niveau_protection_pct.toLocaleString('fr-FR')} %. À partir de tous les chiffres publiés ensemble, personne ne doit pouvoir encadrer les heures d'une case secrète primaire à moins de ± ${json.niveau_protection_pct.toLocaleString('fr-FR')} % de leur valeur, ni fixer son nombre de personnes.`,
    `- Règle des entreprises (pratique de l'INSEE) : au moins ${p.rules.entreprisesMin} entreprises par case et aucune au-delà de ${json.regle_entreprises.part_max_pct} % des heures.`,
    `- Audit de cette version ${earlierFr}.`,
    '',
    '## Cases masquées',
    '',
    `${total((c) => c.primaires)} cases primaires (trop petites elles-mêmes) et ${total((c) => c.secondaires)} cases secondaires (masquées pour que les premières ne se déduisent pas des autres), sur ${total((c) => c.cellules)} cases publiées.`,
    '',
    '| table | cases | primaires | secondaires |',
    '| --- | ---: | ---: | ---: |',
    ...counts.map((c) => `| ${c.table} | ${c.cellules} | ${c.primaires} | ${c.secondaires} |`),
    '',
    "## Résultat de l'audit",
    '',
    `**${a.resultat === 'conforme' ? 'Conforme' : 'Refusée'}.** Un attaquant qui lit tous les fichiers publiés à la fois (programmes linéaires sur les cases les plus fines des données) :`,
    `- heures : pour les ${a.heures.cellules_primaires} cases primaires, l'intervalle qu'il peut déduire s'écarte de la vraie valeur de ${narrowFr} de chaque côté (le plus étroit des intervalles, prouvé par des tables compatibles avec tous les chiffres publiés) ;`,
    `- personnes : ${a.personnes.comptes_figes} des ${a.personnes.cellules_primaires} comptes primaires peuvent être fixés ;`,
    `- entreprises : ${a.entreprises.prouvees_sous_3} des ${a.entreprises.cellules_primaires} cases de moins de ${p.rules.entreprisesMin} entreprises peuvent être prouvées telles.`,
    '',
    'La méthode, le modèle d’attaque et ses limites : méthodologie du site, section « Secret statistique ».',
    '',
    '---',
    '',
    `# Protection log — ${meta.nom}, release ${meta.version}`,
    '',
    '## Rules',
    '',
    `- Persons: no published cell counts 1 to ${p.rules.k - 1} persons (threshold k = ${p.rules.k}).`,
    `- Protection level: ± ${json.niveau_protection_pct} %. From all published figures together, no one may bound the hours of a primary suppressed cell closer than ± ${json.niveau_protection_pct} % of their value, nor pin its number of persons.`,
    `- Company rule (INSEE practice): at least ${p.rules.entreprisesMin} companies per cell and none above ${json.regle_entreprises.part_max_pct} % of the hours.`,
    `- This release was audited ${earlierEn}.`,
    '',
    '## Suppressed cells',
    '',
    `${total((c) => c.primaires)} primary cells (too small themselves) and ${total((c) => c.secondaires)} secondary cells (suppressed so that the primary ones cannot be derived from the others), out of ${total((c) => c.cellules)} published cells; by table above.`,
    '',
    '## Audit result',
    '',
    `**${a.resultat === 'conforme' ? 'Passed' : 'Refused'}.** An attacker reading every published file at once (linear programs over the finest cells of the data):`,
    `- hours: for the ${a.heures.cellules_primaires} primary cells, the interval they can derive stays ${narrowEn} away from the true value on each side (the narrowest interval, proved by tables consistent with every published figure);`,
    `- persons: ${a.personnes.comptes_figes} of the ${a.personnes.cellules_primaires} primary counts can be pinned;`,
    `- companies: ${a.entreprises.prouvees_sous_3} of the ${a.entreprises.cellules_primaires} cells of fewer than ${p.rules.entreprisesMin} companies can be proved so.`,
    '',
    'Method, attack model and limits: the site’s methodology, section "Statistical disclosure control".',
    '',
  ].join('\n');
  return { json, markdown };
}
