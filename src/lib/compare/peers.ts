/**
 * Peers: other buyers' published releases a site compares itself with, listed by address
 * (`pairs.json`, docs/comparaison.md). scripts/lib/peers.ts fetches and caches them; here, what a
 * build knows of each (pure): included with its measures and where its copy comes from, or not
 * included and why — and the published table that lists them all, so that no peer is left out
 * silently.
 */
import type { ReleasePublisher } from '../../schemas/release.ts';
import type { Colonne, Ligne } from '../tables/types.ts';
import { peerProblem, PEER_PROBLEMS, type PeerProblem } from './problems.ts';
import type { PublisherComparison } from './measures.ts';
import type { Bilingual } from '../lang.ts';

/** Where the copy of a release comes from. */
export const COPY_ORIGINS = {
  reseau: { fr: 'lue à son adresse pendant la construction', en: 'read from its address during the build' },
  fichier: { fr: 'lue dans son dossier ou son archive pendant la construction', en: 'read from its folder or archive during the build' },
  cache: { fr: 'dernière copie valide gardée en cache', en: 'last valid copy kept in the cache' },
} as const satisfies Record<string, Bilingual>;
export type CopyOrigin = keyof typeof COPY_ORIGINS;

export interface PeerCopy {
  origine: CopyOrigin;
  /** When the copy was read, ISO date-time (UTC). */
  date: string;
  /** Whole days from the copy to this build. */
  age_jours: number;
}

/** What a build knows of one listed peer. */
export interface PeerOutcome {
  /** As listed in `pairs.json` (an https address, a folder, a zip). */
  adresse: string;
  /** Who published it, as its datapackage.json says, once that file was read (even when it is not included). */
  publication?: ReleasePublisher;
  /** Its measures, when it is included. */
  comparison?: PublisherComparison;
  /** Why it is not included; with `comparison`, why an older copy is shown. */
  probleme?: PeerProblem;
  copie?: PeerCopy;
}

export const isIncluded = (o: PeerOutcome): o is PeerOutcome & { comparison: PublisherComparison } => o.comparison !== undefined;

/** One release in the comparison: a publisher of this site, read back from its own release, or an included peer. */
export interface ComparedRelease {
  comparison: PublisherComparison;
  origine: 'site' | 'pair';
  /** A peer's address; for a publisher of this site, its `datapackage.json` in the publication. */
  adresse: string;
  copie?: PeerCopy;
}

/**
 * Each publisher once: a peer whose publisher is one of this site's own, or one already included
 * earlier in the list, is not included (`doublon`). Listing the same address twice counts once.
 */
export function settlePeers(localIds: readonly string[], outcomes: readonly PeerOutcome[]): PeerOutcome[] {
  const seenAddresses = new Set<string>();
  const owners = new Map<string, string>(localIds.map((id) => [id, '']));
  const out: PeerOutcome[] = [];
  for (const o of outcomes) {
    if (seenAddresses.has(o.adresse)) continue;
    seenAddresses.add(o.adresse);
    if (!isIncluded(o)) {
      out.push(o);
      continue;
    }
    const id = o.comparison.contexte.editeur;
    const first = owners.get(id);
    if (first === undefined) {
      owners.set(id, o.adresse);
      out.push(o);
    } else {
      const { comparison: _, ...rest } = o;
      out.push({
        ...rest,
        probleme:
          first === ''
            ? peerProblem('doublon', `l'éditeur « ${id} » est déjà un éditeur de ce site.`, `publisher "${id}" is already a publisher of this site.`)
            : peerProblem('doublon', `l'éditeur « ${id} » est déjà comparé par ${first}.`, `publisher "${id}" is already compared through ${first}.`),
      });
    }
  }
  return out;
}

/** The included peers as releases of the comparison. */
export const comparedPeers = (outcomes: readonly PeerOutcome[]): ComparedRelease[] =>
  outcomes.filter(isIncluded).map((o) => ({ comparison: o.comparison, origine: 'pair', adresse: o.adresse, ...(o.copie ? { copie: o.copie } : {}) }));

// ---------------------------------------------------------------------------------------------
// The published list of peers: donnees/comparaison/pairs.{csv,json}

export const PEERS_ID = 'pairs';

export const PEERS_TITLE: Bilingual = { fr: 'Publications paires comparées', en: 'Peer releases compared' };

export const PEERS_DESCRIPTION: Bilingual = {
  fr: "Chaque publication d'un autre acheteur que ce site compare (ses « pairs ») : son adresse, si elle est incluse, sinon pourquoi, son éditeur, sa version, sa date et sa licence, et d'où vient la copie lue (son adresse pendant la construction, ou la dernière copie valide gardée en cache, avec son âge en jours).",
  en: 'Each release of another buyer this site compares itself with (its "peers"): its address, whether it is included, else why, its publisher, version, date and licence, and where the copy read comes from (its address during the build, or the last valid copy kept in the cache, with its age in days).',
};

const text = (nom: string, fr: string, en: string, description?: Bilingual): Colonne => ({
  nom,
  type: 'string',
  role: 'dimension',
  titre: { fr, en },
  ...(description ? { description } : {}),
});

export const PEER_COLUMNS: Colonne[] = [
  text('adresse', 'Adresse de la publication', 'Address of the release', {
    fr: 'Telle que listée dans pairs.json : adresse https de son datapackage.json, dossier ou archive zip.',
    en: 'As listed in pairs.json: https address of its datapackage.json, folder or zip archive.',
  }),
  { nom: 'inclus', type: 'boolean', role: 'dimension', titre: { fr: 'Incluse dans la comparaison', en: 'Included in the comparison' } },
  text('code_raison', 'Raison (code)', 'Reason (code)', {
    fr: `Pourquoi la publication n'est pas incluse, ou pourquoi une copie plus ancienne est montrée : ${Object.keys(PEER_PROBLEMS).join(', ')}.`,
    en: `Why the release is not included, or why an older copy is shown: ${Object.keys(PEER_PROBLEMS).join(', ')}.`,
  }),
  text('raison', 'Raison', 'Reason'),
  text('raison_en', 'Raison (anglais)', 'Reason (English)'),
  text('editeur', 'Éditeur (identifiant)', 'Publisher (identifier)'),
  text('nom_editeur', 'Éditeur', 'Publisher'),
  text('version', 'Version', 'Version'),
  { nom: 'date_publication', type: 'date', role: 'dimension', titre: { fr: 'Date de publication', en: 'Publication date' } },
  text('licence', 'Licence', 'Licence'),
  text('copie', 'Origine de la copie', 'Origin of the copy', {
    fr: `reseau (${COPY_ORIGINS.reseau.fr}), fichier (${COPY_ORIGINS.fichier.fr}) ou cache (${COPY_ORIGINS.cache.fr}).`,
    en: `reseau (${COPY_ORIGINS.reseau.en}), fichier (${COPY_ORIGINS.fichier.en}) or cache (${COPY_ORIGINS.cache.en}).`,
  }),
  text('date_copie', 'Date de la copie', 'Date of the copy', { fr: 'Date et heure UTC de la lecture de la copie.', en: 'UTC date and time the copy was read.' }),
  {
    nom: 'age_jours',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Âge de la copie', en: 'Age of the copy' },
    description: { fr: 'Jours entiers de la copie à la construction du site.', en: 'Whole days from the copy to the build of the site.' },
    unite: { fr: 'jours', en: 'days' },
  },
];

/** One row per listed peer, in list order. */
export function peerRows(outcomes: readonly PeerOutcome[]): Ligne[] {
  return outcomes.map((o) => {
    const p = o.publication;
    return {
      adresse: o.adresse,
      inclus: isIncluded(o),
      code_raison: o.probleme?.code ?? null,
      raison: o.probleme?.raison.fr ?? null,
      raison_en: o.probleme?.raison.en ?? null,
      editeur: p?.id ?? null,
      nom_editeur: p?.nom ?? null,
      version: p?.version ?? null,
      date_publication: p?.date_publication ?? null,
      licence: p?.licence.titre ?? null,
      copie: o.copie?.origine ?? null,
      date_copie: o.copie?.date ?? null,
      age_jours: o.copie?.age_jours ?? null,
    };
  });
}
