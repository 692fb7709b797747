import type { Dataset } from '../dataset.ts';
import { withParams } from '../indicators/detail.ts';
import { buildRelease, type ReleaseOptions } from './build.ts';
import { PublicationSchema, type Publication } from './publications.ts';

/**
 * The dataset as it stood at an earlier date: contracts notified by `fin`, hours of months up to
 * `fin`, operations of those contracts, the period ending at `fin`. Used to record an earlier
 * release honestly (computed by the same code) in `publications.json`.
 */
export function restrictDataset(
  ds: Dataset,
  fin: string,
  meta: { version: string; date_publication: string },
): Dataset {
  const month = fin.slice(0, 7);
  const marches = withParams(ds.marches, { fin }).filter((d, $) => d.date_notification <= $.fin);
  const kept = marches.select('id_marche');
  const heures = withParams(ds.heures, { month })
    .filter((d, $) => d.mois <= $.month)
    .semijoin(kept, 'id_marche');
  return {
    meta: { ...ds.meta, ...meta, periode: { debut: ds.meta.periode.debut, fin } },
    marches: marches.reify(),
    operations: ds.operations.semijoin(marches, 'id_operation').reify(),
    facilitateurs: ds.facilitateurs,
    entreprises: ds.entreprises,
    participants: ds.participants,
    heures: heures.reify(),
  };
}

/** The `publications.json` entry of the release built from `ds`. */
export async function publicationOf(
  ds: Dataset,
  options: ReleaseOptions & { notes?: string } = {},
): Promise<Publication> {
  const files = await buildRelease({ dataset: ds, notes: options.notes }, options);
  const bytes = files.get(`donnees/${ds.meta.id}/publication.json`);
  if (!bytes) throw new Error('publication.json manquant');
  return PublicationSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
