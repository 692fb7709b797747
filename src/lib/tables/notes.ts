import type { Bilingual } from '../lang.ts';

/** Sentences the descriptions of tables share. */

export const SECRET_NOTE: Bilingual = {
  fr: 'Les cellules de moins de k personnes (seuil de secret) sont marquées « secret », ainsi que les cellules masquées pour empêcher de les retrouver par différence.',
  en: 'Cells of fewer than k persons (disclosure threshold) are marked "secret", as are the cells hidden so that they cannot be recovered by subtraction.',
};

export const COMPANY_NOTE: Bilingual = {
  fr: "Règle des entreprises (pratique de l'INSEE) : une cellule compte au moins 3 entreprises et aucune ne dépasse 85 % de ses heures, sinon elle est secrète.",
  en: 'Company rule (INSEE practice): a cell counts at least 3 companies and none holds more than 85 % of its hours, otherwise it is secret.',
};
