/**
 * Reference dates of the sample publisher's earlier published figures: the year
 * of the "in 2018" figures, the year the services share is compared from, and the months of the
 * share of women. A figure whose reference falls outside the data's period gives `null` (published empty), never 0.
 */
export interface HeadlineReferences {
  annee: number;
  anneeServicesDebut: number;
  moisFemmesDebut: string;
  moisFemmesFin: string;
}

export const DEFAULT_REFERENCES: HeadlineReferences = {
  annee: 2018,
  anneeServicesDebut: 2013,
  moisFemmesDebut: '2014-05',
  moisFemmesFin: '2017-12',
};
