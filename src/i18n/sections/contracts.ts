/**
 * Strings of the list of all contracts (paging, on-demand loading), French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Bilingual } from '../../lib/lang.ts';

export const contracts = {
  'contracts.list.intro': {
    fr: '{total} marchés avec clause, {size} par page, du plus ancien au plus récent. Chaque objet mène à la page de son opération. Le tableau complet, avec toutes ses colonnes, se télécharge :',
    en: '{total} contracts with a clause, {size} per page, oldest first. Each purpose leads to the page of its operation. The full table, with all its columns, can be downloaded:',
  },
  'contracts.list.secret': {
    fr: 'Un marché de moins de {k} personnes est « secret » (heures et personnes), comme ceux masqués pour qu’on ne puisse pas le retrouver par différence avec son opération.',
    en: 'A contract of fewer than {k} persons is “secret” (hours and persons), as are those hidden so that it cannot be recovered by difference from its operation.',
  },
  'contracts.list.caption': {
    fr: 'Marchés avec clause d’insertion — page {page} sur {pages}',
    en: 'Contracts with an insertion clause — page {page} of {pages}',
  },
  'contracts.list.pageTitle': { fr: 'Tous les marchés — page {page}', en: 'All contracts — page {page}' },
  'contracts.list.back': { fr: 'Marchés et opérations', en: 'Contracts and operations' },
  'contracts.operations.caption': {
    fr: 'Opérations — page {page} sur {pages}',
    en: 'Operations — page {page} of {pages}',
  },
  'contracts.operations.pageTitle': { fr: 'Les opérations — page {page}', en: 'Operations — page {page}' },
  'contracts.paging': { fr: 'Pages', en: 'Pages' },
  'contracts.paging.previous': { fr: 'Page précédente', en: 'Previous page' },
  'contracts.paging.next': { fr: 'Page suivante', en: 'Next page' },
  'contracts.paging.page': { fr: 'Page {page}', en: 'Page {page}' },
  'contracts.filter.clause': { fr: 'Type de clause', en: 'Clause type' },
  'contracts.filter.apply': { fr: 'Filtrer', en: 'Filter' },
  'contracts.filter.loading': { fr: 'Chargement des marchés…', en: 'Loading contracts…' },
  'contracts.filter.error': {
    fr: 'Les marchés n’ont pas pu être chargés ; le tableau complet reste téléchargeable.',
    en: 'The contracts could not be loaded; the full table can still be downloaded.',
  },
  'contracts.filter.count': {
    fr: '{shown} marchés sur {total}, page {page} sur {pages}',
    en: '{shown} of {total} contracts, page {page} of {pages}',
  },
} as const satisfies Record<string, Bilingual>;
