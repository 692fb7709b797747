import type { Dataset } from '../dataset.ts';
import { withParams } from '../indicators/detail.ts';

/**
 * The dataset as it stood at an earlier date: contracts notified by `fin`, hours of months up to
 * `fin`, operations of those contracts, the period ending at `fin`. Used to record an earlier
 * release honestly (computed by the same code) in `publications.json`.
 */
export function restrictDataset(ds: Dataset, fin: string, meta: { version: string; date_publication: string }): Dataset {
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
