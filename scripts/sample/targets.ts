/**
 * Published results of the Région Pays de la Loire (2012–2018) that the sample must reproduce,
 * once computed through the pipeline (see docs/contrat-de-donnees.md and shared DOMAIN.md).
 * The generator checks itself against these, and test/sample/calibration.test.ts checks the
 * written files again with DuckDB.
 */
export const TARGETS = {
  contracts: 564,
  contracts2018: 79,
  operations: 104,
  operations2018: 10,
  /** "un peu plus de 318 000 heures": the sample lands in [318,100; 318,900). */
  hoursMin: 318_100,
  hoursMax: 318_900,
  persons: 1_435,
  /** "plus de 514 entreprises ont embauché". */
  hiringCompanies: 516,
  siaeShare: 0.7,
  workStudyShare: 0.24,
  workStudyPersons: 239,
  cdiShare: 0.08,
  cdiPersons: 78,
  /** Share of women among beneficiaries who started by end of May 2014 / end of 2017. */
  womenMay2014: { month: '2014-05', women: 9, persons: 300 },
  womenEnd2017: { month: '2017-12', women: 149, persons: 1_150 },
  /** Share of SERVICES among clause contracts notified that year, rounded to the unit. */
  servicesShare: { 2013: 0.08, 2018: 0.2 } as Record<number, number>,
  awardCriterion: 27,
  awardCriterion2018: { contracts: 6, operations: 2 },
  facilitators: 12,
  directions: 7,
  /** Tolerance on shares of hours, in share units (± 0.05 percentage point). */
  shareTolerance: 0.0005,
} as const;

/**
 * Shares actually aimed at: close to, not exactly on, the round published figure, as real data
 * would be (each rounds to the published percentage).
 */
export const AIMED_SHARES = { siae: 0.7002, workStudy: 0.2397, cdi: 0.0803 } as const;
/** Total hours aimed at, in hundredths of an hour. */
export const AIMED_TOTAL_CENTIHOURS = 31_845_275;
