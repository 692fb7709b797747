/**
 * Strings of the open-data features (release versions, catalogue), French first, English second.
 * Spread into the one dictionary (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Bilingual } from '../../lib/lang.ts';

export const opendata = {
  'versions.title': { fr: 'Versions publiées', en: 'Published releases' },
  'versions.lead': {
    fr: 'Chaque version garde son adresse, qui ne change jamais ; l’adresse sans numéro de version, {latest}, sert toujours la dernière.',
    en: 'Each release keeps its address, which never changes; the address without a version number, {latest}, always serves the latest.',
  },
  'versions.current': { fr: 'version courante', en: 'current release' },
  'versions.published': { fr: 'publiée le {date}', en: 'published {date}' },
  'versions.files': { fr: 'tous les fichiers (ZIP)', en: 'all files (ZIP)' },
  'versions.datapackage': { fr: 'description (datapackage.json)', en: 'description (datapackage.json)' },
  'catalogue.title': { fr: 'Catalogue DCAT', en: 'DCAT catalogue' },
  'catalogue.lead': {
    fr: 'Toutes les versions de tous les éditeurs et chacun de leurs fichiers (format, taille, empreinte SHA-256, période, territoire), au format DCAT-AP que data.gouv.fr et les portails moissonnent :',
    en: 'Every release of every publisher and each of its files (format, size, SHA-256, period, territory), in the DCAT-AP format that data.gouv.fr and other portals harvest:',
  },
  'data.parquet': { fr: 'Table au format Parquet (colonnes typées)', en: 'Table in Parquet format (typed columns)' },
} as const satisfies Record<string, Bilingual>;
