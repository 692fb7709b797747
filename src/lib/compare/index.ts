/**
 * Comparison: published releases side by side — this site's publishers read back from their own
 * release, and peers' releases read from their addresses — with the peers not included and why,
 * and other territories' published results kept apart with their flags and sources. See
 * docs/comparaison.md.
 *
 *   donnees/comparaison/comparaison-editeurs.{csv,json}
 *   donnees/comparaison/pairs.{csv,json}                                   (when peers are listed)
 *   donnees/comparaison/resultats-publies-autres-territoires.{csv,json}   (when the file is given)
 */
import type { PairsSite } from '../../schemas/pairs.ts';
import { utf8 } from '../release/bytes.ts';
import { toCSV } from '../release/csv.ts';
import { COMPARISON_ID, compareTable } from './table.ts';
import { REFERENCES_ID, referencesTable } from './references.ts';
import { COMPARISON_DIR } from './codes.ts';
import { comparedPeers, PEER_COLUMNS, peerRows, PEERS_DESCRIPTION, PEERS_ID, PEERS_TITLE, settlePeers, type ComparedRelease, type PeerOutcome } from './peers.ts';

export * from './codes.ts';
export * from './measures.ts';
export * from './table.ts';
export * from './references.ts';
export * from './charts.ts';
export * from './problems.ts';
export * from './release.ts';
export * from './peers.ts';
export * from './local.ts';

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

export interface ComparisonInput {
  /** This site's publishers, read back from their own releases (./local.ts). */
  releases: readonly ComparedRelease[];
  /** Every listed peer, included or not (scripts/lib/peers.ts). */
  peers?: readonly PeerOutcome[];
  /**
   * The content of `data/references/resultats-publies-autres-territoires.csv` (bytes or text);
   * without it only the releases are compared.
   */
  references?: Uint8Array | string;
  /** A site that only compares (no publisher of its own): its name and presentation (`data/pairs.json`). */
  site?: PairsSite;
}

/** The published files of the comparison. */
export function buildComparison(input: ComparisonInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const peers = settlePeers(
    input.releases.map((r) => r.comparison.contexte.editeur),
    input.peers ?? [],
  );
  const table = compareTable([...input.releases, ...comparedPeers(peers)]);
  files.set(`${COMPARISON_DIR}/${COMPARISON_ID}.csv`, utf8(table.csv));
  files.set(`${COMPARISON_DIR}/${COMPARISON_ID}.json`, json(table.json));
  if (peers.length > 0 || input.site) {
    const lignes = peerRows(peers);
    files.set(`${COMPARISON_DIR}/${PEERS_ID}.csv`, utf8(toCSV(PEER_COLUMNS, lignes)));
    files.set(
      `${COMPARISON_DIR}/${PEERS_ID}.json`,
      json({
        id: PEERS_ID,
        titre: PEERS_TITLE,
        description: PEERS_DESCRIPTION,
        ...(input.site ? { site: input.site } : {}),
        colonnes: PEER_COLUMNS.map((c) => ({
          nom: c.nom,
          type: c.type,
          role: c.role,
          titre: c.titre,
          ...(c.unite ? { unite: c.unite } : {}),
          ...(c.description ? { description: c.description } : {}),
        })),
        lignes: lignes.map((row) => Object.fromEntries(PEER_COLUMNS.map((c) => [c.nom, row[c.nom] ?? null]))),
      }),
    );
  }
  if (input.references !== undefined) {
    const refs = referencesTable(input.references);
    files.set(`${COMPARISON_DIR}/${REFERENCES_ID}.csv`, utf8(refs.csv));
    files.set(`${COMPARISON_DIR}/${REFERENCES_ID}.json`, json(refs.json));
  }
  return files;
}
