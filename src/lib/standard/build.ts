/**
 * The published standard: every file under `donnees/standard/`, as relative paths → bytes. Pure
 * and deterministic (fixed dates, no clock), so two builds give byte-identical files and archive.
 *
 *   donnees/standard/README.md, CHANGELOG.md, datapackage.json
 *   donnees/standard/metadonnees/{schema.json, exemple-valide.json, README.md}
 *   donnees/standard/<table>/{schema.json, exemple-valide.csv, README.md}   (one folder per table)
 *   donnees/standard/standard-clauses-insertion-<version>.zip               (all of the above)
 */
import { TABLES } from '../../schemas/index.ts';
import { utf8 } from '../release/bytes.ts';
import { archiveTime, zipFiles } from '../release/zip.ts';
import { exampleCsv, exampleMetadata } from './example.ts';
import { metadataJsonSchema } from './metadata.ts';
import { metadataReadme, standardChangelog, standardReadme, tableReadme } from './readme.ts';
import { standardDataPackage, standardSchema, standardUrl, type StandardOptions } from './schema.ts';
import { STANDARD_DIR, STANDARD_ID, STANDARD_LAST_MODIFIED, STANDARD_TITLE, STANDARD_VERSION, standardArchiveName } from './version.ts';

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** The files of the standard, relative to its folder, in archive order. */
export function standardFiles(options: StandardOptions = {}): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  files.set('README.md', utf8(standardReadme()));
  files.set('CHANGELOG.md', utf8(standardChangelog()));
  files.set('datapackage.json', json(standardDataPackage(options)));
  files.set(
    'metadonnees/schema.json',
    json(
      metadataJsonSchema({
        title: `${STANDARD_TITLE.fr} — métadonnées d'un éditeur (metadonnees.json)`,
        description: "Description de l'éditeur, de son territoire, de la période couverte et de la publication.",
        version: STANDARD_VERSION,
        path: standardUrl('metadonnees/schema.json', options),
      }),
    ),
  );
  files.set('metadonnees/exemple-valide.json', json(exampleMetadata()));
  files.set('metadonnees/README.md', utf8(metadataReadme()));
  for (const t of TABLES) {
    files.set(`${t.name}/schema.json`, json(standardSchema(t, options)));
    files.set(`${t.name}/exemple-valide.csv`, utf8(exampleCsv(t)));
    files.set(`${t.name}/README.md`, utf8(tableReadme(t)));
  }
  return files;
}

/**
 * Every file of the standard under `donnees/standard/`, plus the archive
 * `standard-clauses-insertion-<version>.zip` holding them in a folder of the same name.
 */
export function buildStandard(options: StandardOptions = {}): Map<string, Uint8Array> {
  const files = standardFiles(options);
  const folder = `standard-${STANDARD_ID}-${STANDARD_VERSION}`;
  const archive = zipFiles(
    [...files].map(([path, bytes]) => [`${folder}/${path}`, bytes]),
    archiveTime(STANDARD_LAST_MODIFIED),
  );
  const out = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) out.set(`${STANDARD_DIR}/${path}`, bytes);
  out.set(`${STANDARD_DIR}/${standardArchiveName()}`, archive);
  return out;
}
