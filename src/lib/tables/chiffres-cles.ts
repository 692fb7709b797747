import { HEADLINE_DEFINITIONS, HEADLINE_IDS, UNITES, headlineFigures, type HeadlineDefinition } from '../indicators/headline.ts';
import { ciblesDe } from '../sdg.ts';
import { SECRET } from '../../schemas/secret.ts';
import { round } from './round.ts';
import type { TableSpec } from './types.ts';

/** The key figures the programme publishes, computed again from the data, with their definitions. */
export const chiffresCles: TableSpec = {
  id: 'chiffres-cles',
  titre: { fr: 'Chiffres clés', en: 'Key figures' },
  description: {
    fr: 'Les chiffres publiés par le programme, recalculés à partir des données, avec leur définition. La valeur est arrondie à 2 décimales ; la colonne « precision » donne le nombre de décimales à afficher.',
    en: 'The programme\'s published figures, computed again from the data, with their definition. The value is rounded to 2 decimals; the "precision" column gives the number of decimals to display.',
  },
  colonnes: [
    { nom: 'indicateur', type: 'string', role: 'dimension', titre: { fr: 'Indicateur', en: 'Indicator' } },
    { nom: 'libelle_fr', type: 'string', role: 'dimension', titre: { fr: 'Libellé (français)', en: 'Label (French)' } },
    { nom: 'libelle_en', type: 'string', role: 'dimension', titre: { fr: 'Libellé (anglais)', en: 'Label (English)' } },
    { nom: 'valeur', type: 'number', role: 'mesure', titre: { fr: 'Valeur', en: 'Value' }, decimales: 2 },
    { nom: 'unite', type: 'string', role: 'dimension', titre: { fr: 'Unité', en: 'Unit' } },
    {
      nom: 'precision',
      type: 'integer',
      role: 'dimension',
      titre: { fr: "Décimales à l'affichage", en: 'Decimals to display' },
    },
    {
      nom: 'reference',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Période ou date de référence', en: 'Reference period or date' },
    },
    {
      nom: 'definition_fr',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Définition (français)', en: 'Definition (French)' },
    },
    {
      nom: 'definition_en',
      type: 'string',
      role: 'dimension',
      titre: { fr: 'Définition (anglais)', en: 'Definition (English)' },
    },
  ],
  cle: ['indicateur'],
  odd: ciblesDe(...HEADLINE_IDS),
  cubes: [[], ['annee'], ['type_contrat'], ['famille_contrat'], ['famille_structure'], ['sexe']],
  compute({ protection: p }) {
    const references = p.cells.references;
    const yearCell = (offset: 0 | -1) => ({ annee: String(references.annee + offset) });
    const figures = headlineFigures(p.cells);
    return HEADLINE_IDS.map((id) => {
      const def: HeadlineDefinition = HEADLINE_DEFINITIONS[id];
      const f = figures[id];
      const prot = def.protection;
      const hidden =
        prot !== null && ('cellules' in prot ? prot.cellules.some((c) => p.isHidden(c)) : 'annee' in prot ? p.isHidden(yearCell(prot.annee)) : p.womenShareHidden(references[prot.femmesAuMois]));
      return {
        indicateur: id,
        libelle_fr: def.titre.fr,
        libelle_en: def.titre.en,
        // Not applicable (reference outside the data, empty denominator) stays empty, even when its cells are unknown.
        valeur: f.valeur === null ? null : hidden ? SECRET : round(f.valeur),
        unite: UNITES[def.unite].fr,
        precision: def.precision,
        reference: f.reference,
        definition_fr: def.definition.fr,
        definition_en: def.definition.en,
      };
    });
  },
};
