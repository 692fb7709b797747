/**
 * Which publisher a release's results pages show (the "main" one), and whether a synthetic sample
 * may be published next to real data. Pure: the build (scripts/build.ts) gives the folders, the
 * `EDITEUR` variable and whether synthetic data was asked for, prints the answer, and hands the
 * main id on to the site (src/site/data.ts reads `EDITEUR`).
 *
 * Rules, in order:
 * 1. a synthetic folder (`synthetique: true`) next to real ones is refused, unless asked for
 *    explicitly: a sample left in `data/` would otherwise be published as if it were data;
 * 2. the publisher named by `EDITEUR`;
 * 3. else the only folder;
 * 4. else the only folder of real data (the others being synthetic, asked for);
 * 5. else the first by id, said as such, with how to choose another.
 */
import type { Bilingual } from './lang.ts';

export interface Candidate {
  id: string;
  /** `synthetique` of its metadata (`undefined` when unreadable: validation will say why). */
  synthetique: boolean | undefined;
}

export interface MainChoice {
  main: string;
  /** Why this one, in words. */
  reason: Bilingual;
}

const list = (ids: readonly string[]) => ids.join(', ');

/** The main publisher and why, or why the folders cannot be published together. */
export function chooseMainPublisher(candidates: readonly Candidate[], options: { requested?: string; allowSynthetic?: boolean } = {}): MainChoice | { error: Bilingual } {
  const ids = candidates.map((c) => c.id).sort();
  const synthetic = candidates
    .filter((c) => c.synthetique === true)
    .map((c) => c.id)
    .sort();
  const real = candidates
    .filter((c) => c.synthetique === false)
    .map((c) => c.id)
    .sort();
  if (synthetic.length > 0 && real.length > 0 && !options.allowSynthetic) {
    return {
      error: {
        fr: `Données synthétiques à côté de vraies données : ${list(synthetic)} (synthetique: true) serait publié avec ${list(real)}. Retirez ce dossier de data/, ou demandez-le explicitement : npm run build -- --avec-synthetique (ou AVEC_SYNTHETIQUE=1).`,
        en: `Synthetic data next to real data: ${list(synthetic)} (synthetique: true) would be published with ${list(real)}. Remove that folder from data/, or ask for it explicitly: npm run build -- --avec-synthetique (or AVEC_SYNTHETIQUE=1).`,
      },
    };
  }
  const requested = options.requested?.trim();
  if (requested) {
    if (!ids.includes(requested)) {
      return {
        error: {
          fr: `EDITEUR=${requested} ne désigne aucun dossier de data/ (éditeurs : ${list(ids) || 'aucun'}).`,
          en: `EDITEUR=${requested} names no folder of data/ (publishers: ${list(ids) || 'none'}).`,
        },
      };
    }
    return { main: requested, reason: { fr: 'nommé par la variable EDITEUR', en: 'named by the EDITEUR variable' } };
  }
  if (ids.length === 1) return { main: ids[0]!, reason: { fr: 'le seul dossier de data/', en: 'the only folder of data/' } };
  if (real.length === 1) {
    return {
      main: real[0]!,
      reason: { fr: `le seul aux données réelles (${list(synthetic)} : synthétique)`, en: `the only one with real data (${list(synthetic)}: synthetic)` },
    };
  }
  return {
    main: ids[0]!,
    reason: {
      fr: `le premier par ordre alphabétique parmi ${list(ids)} ; EDITEUR=<id> npm run build en choisit un autre`,
      en: `the first in alphabetical order among ${list(ids)}; EDITEUR=<id> npm run build chooses another`,
    },
  };
}

/** `synthetique` of a metadata file's text, or `undefined` when it cannot be read. */
export function syntheticOf(meta: unknown): boolean | undefined {
  try {
    const json = typeof meta === 'string' ? (JSON.parse(meta.replace(/^\uFEFF/, '')) as unknown) : meta;
    const value = (json as { synthetique?: unknown } | null)?.synthetique;
    return typeof value === 'boolean' ? value : undefined;
  } catch {
    return undefined;
  }
}
