/**
 * The deployment kit: ready files for common static hosts, kept once in `kit/deploiement/`
 * at the repository root and served as they are by `src/pages/kit/deploiement/[file].ts`, so the
 * file a publisher downloads and the text the « Publier vos données » page shows are the same bytes.
 * Build time only (Node fs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface KitFile {
  /** Short id, for anchors and the host's note in the dictionary (`publish.kit.<id>`). */
  id: 'gitlab';
  /** File name in `kit/deploiement/` and in the site under `kit/deploiement/`. */
  file: string;
  /** The static host it deploys to. */
  host: string;
  /** Where `npm run deploy` writes it, in the branch of the built site. */
  target: string;
}

/** Every file of `kit/deploiement/`, in the order the page shows them. */
export const KIT_FILES: readonly KitFile[] = [{ id: 'gitlab', file: 'gitlab-ci.yml', host: 'GitLab Pages', target: '.gitlab-ci.yml' }];

/** The kit's folder: `kit/deploiement/` of the project (builds and tests run from its root). */
export const kitDir = (): string => resolve(process.env.KIT_DIR ?? 'kit/deploiement');

/** The text of a kit file; a listed file that is missing, or a file that is not listed, is an error. */
export function kitText(file: string): string {
  const dir = kitDir();
  const present = existsSync(dir) ? readdirSync(dir).sort() : [];
  const listed = KIT_FILES.map((k) => k.file).sort();
  if (present.join('\n') !== listed.join('\n')) {
    throw new Error(
      `Le dossier ${dir} doit contenir exactement ${listed.join(', ')} (il contient : ${present.join(', ') || 'rien'}) ; ` +
        `mettre à jour KIT_FILES dans src/site/kit.ts. / ${dir} must hold exactly ${listed.join(', ')}; update KIT_FILES.`,
    );
  }
  if (!listed.includes(file)) throw new Error(`Fichier du kit inconnu / unknown kit file: ${file}`);
  return readFileSync(join(dir, file), 'utf8');
}
