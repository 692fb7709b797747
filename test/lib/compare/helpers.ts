/**
 * A dataset's release as the comparison reads it: the pipeline's own path (`LocalReleases` keeps
 * the files `releaseFiles` publishes, then reads them as a peer's release), and the files of one
 * release by path inside it, to tamper with in tests.
 */
import { bytesOf } from '../../../src/lib/release/body.ts';
import { releaseFiles } from '../../../src/lib/release/build.ts';
import { LocalReleases, type ComparedRelease } from '../../../src/lib/compare/index.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { dataset, type Heure, type Participant } from '../indicators/fixtures.ts';
import { released } from '../released.ts';

/** The comparison of one dataset, read back from its release as the pipeline does. */
export function comparedRelease(ds: Dataset): ComparedRelease {
  const local = new LocalReleases();
  for (const [path, body] of releaseFiles(released(ds))) local.keep(path, body);
  return local.read()[0]!;
}

/** Every file of a dataset's release, by path inside `donnees/<editeur>/`. */
export function releaseFilesOf(ds: Dataset): Map<string, Uint8Array> {
  const prefix = `donnees/${ds.meta.id}/`;
  const out = new Map<string, Uint8Array>();
  for (const [path, body] of releaseFiles(released(ds))) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), bytesOf(body));
  return out;
}

/** The text of a file, its byte-order mark kept (so that bytes → text → bytes is the identity). */
export const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
export const bytes = (s: string) => new TextEncoder().encode(s);

/**
 * Twelve persons on three contracts with a clause (one of services, one with the award criterion)
 * and one without: 6 through an ETTI (SIAE), 6 hired by the contractor, of whom 2 on a CDI
 * (fewer than k = 5: secret); 4 women.
 */
export function twelve(meta: Partial<Dataset['meta']> = {}): Dataset {
  const participants: Participant[] = [];
  const heures: Heure[] = [];
  for (let i = 1; i <= 12; i++) {
    const id = `P${String(i).padStart(3, '0')}`;
    participants.push({ id_participant: id, sexe: i <= 4 ? 'F' : 'H' });
    heures.push({
      id_participant: id,
      id_marche: i <= 6 ? 'M1' : i <= 9 ? 'M2' : 'M3',
      mois: '2018-04',
      heures: 10 * i,
      type_contrat: i <= 6 ? 'CTTI' : i <= 8 ? 'CDI' : 'CDD',
      modalite: i <= 6 ? 'MISE_A_DISPOSITION' : 'EMBAUCHE_DIRECTE',
      type_structure: i <= 6 ? 'ETTI' : 'ENTREPRISE',
    });
  }
  return dataset({
    marches: [
      { id_marche: 'M1', id_titulaire: 'E001', date_notification: '2018-02-01' },
      { id_marche: 'M2', id_titulaire: 'E002', segment: 'SERVICES', date_notification: '2018-02-01', critere_attribution: true },
      { id_marche: 'M3', id_titulaire: 'E003', date_notification: '2018-02-01' },
      { id_marche: 'M4', id_titulaire: 'E004', type_clause: 'AUCUNE', critere_attribution: true, date_notification: '2018-02-01' },
    ],
    participants,
    heures,
    meta: { periode: { debut: '2018-01-01', fin: '2018-12-31' }, ...meta },
  });
}
