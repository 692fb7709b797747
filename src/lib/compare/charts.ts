/**
 * Which figures may share a chart on the comparison page. A chart puts side by side only figures
 * whose flags match (docs/comparaison.md): the same kind of period (one year, or a multi-year
 * total), the same scope (the buyer's own contracts, or several buyers) and the same kind of hours
 * (carried out, planned…). Another territory's published figure joins validated publishers only
 * when it has their flags and no caveat (AMBIGU, INCERTAIN, approximate value, unknown period);
 * validated publishers of different kinds of period get one chart per kind. Pure: works on the
 * published rows, so the page draws what the downloads say.
 */
import { quantileSorted } from 'd3';
import type { NatureHeures, Perimetre } from './codes.ts';
import type { MeasureValue } from './measures.ts';

/** The flags that must be equal for two figures to share a chart. */
export interface ChartFlags {
  /** One year (or a yearly average) versus a multi-year total. */
  annuel: boolean;
  perimetre: Perimetre;
  nature_heures: NatureHeures;
}

/** A row of `comparaison-editeurs` (validated), as much as the rule needs. */
export interface ValidatedFigure extends ChartFlags {
  editeur: string;
  nom_editeur: string;
  periode: string;
  mesure: string;
  valeur: MeasureValue;
}

/** A row of `resultats-publies-autres-territoires` (published, not verified), as much as the rule needs. */
export interface PublishedFigure extends ChartFlags {
  rang: number;
  territoire: string;
  periode: string;
  periode_connue: boolean;
  moyenne_annuelle: boolean;
  ambigu: boolean;
  incertain: boolean;
  approximation: boolean;
  part_femmes: number | null;
  part_heures_siae: number | null;
  heures_par_personne: number | null;
  heures_par_marche: number | null;
}

/** Comparable measures that other territories' rows also give, and the column that holds them. */
export const REFERENCE_MEASURES = {
  heures_par_marche: 'heures_par_marche',
  heures_par_personne: 'heures_par_personne',
  part_heures_siae: 'part_heures_siae',
  part_femmes: 'part_femmes',
} as const satisfies Record<string, keyof PublishedFigure>;

export const flagsKey = (f: ChartFlags): string => `${f.annuel ? 'annuel' : 'pluriannuel'}|${f.perimetre}|${f.nature_heures}`;

export const sameFlags = (a: ChartFlags, b: ChartFlags): boolean => flagsKey(a) === flagsKey(b);

/**
 * A published figure with no caveat that forbids a direct comparison: a known period that is one
 * particular year or one multi-year total (not a yearly average), not AMBIGU, not INCERTAIN, not an
 * approximate value.
 */
export const withoutCaveat = (r: PublishedFigure): boolean => r.periode_connue && !r.moyenne_annuelle && !r.ambigu && !r.incertain && !r.approximation;

/** Whether another territory's figure may be drawn in the same chart as validated figures with these flags. */
export const mayShareChart = (validated: ChartFlags, reference: PublishedFigure): boolean => withoutCaveat(reference) && sameFlags(validated, reference);

/** The value of a comparable measure in a published row, or null when the row does not give it. */
export function referenceValue(r: PublishedFigure, measure: string): number | null {
  const column = (REFERENCE_MEASURES as Record<string, keyof PublishedFigure>)[measure];
  if (!column) return null;
  const v = r[column];
  return typeof v === 'number' ? v : null;
}

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export interface ChartGroup<V extends ValidatedFigure = ValidatedFigure, P extends PublishedFigure = PublishedFigure> {
  measure: string;
  /**
   * The measure in kebab case (`heures-par-personne`), followed by the flags
   * (`heures-par-personne-annuel-marches-propres-realisees`) when the validated rows have several sets of flags.
   */
  id: string;
  flags: ChartFlags;
  validated: V[];
  /** Other territories' figures with the same flags and no caveat, kept as they are (status « publié, non vérifié »). */
  references: (P & { valeur: number })[];
}

/**
 * The charts of one measure: the validated rows grouped by flags (one group in the usual case), each
 * with the published figures that may join it. A published figure never joins a group whose flags
 * differ from its own.
 */
export function chartGroups<V extends ValidatedFigure, P extends PublishedFigure>(measure: string, validated: readonly V[], references: readonly P[] = []): ChartGroup<V, P>[] {
  const rows = validated.filter((r) => r.mesure === measure);
  const keys = [...new Set(rows.map(flagsKey))];
  return keys.map((key) => {
    const group = rows.filter((r) => flagsKey(r) === key);
    const flags: ChartFlags = { annuel: group[0]!.annuel, perimetre: group[0]!.perimetre, nature_heures: group[0]!.nature_heures };
    return {
      measure,
      id: kebab(keys.length === 1 ? measure : `${measure}-${key}`),
      flags,
      validated: group,
      references: references.flatMap((r) => {
        const valeur = referenceValue(r, measure);
        return valeur !== null && mayShareChart(flags, r) ? [{ ...r, valeur }] : [];
      }),
    };
  });
}

/** Bars a chart draws one by one; beyond, the peers are summed up by their quantiles. */
export const MAX_BARS = 30;

/** The five points that sum up many peers' values: minimum, quartiles, median, maximum. */
export const QUANTILES = [
  { p: 0, id: 'min' },
  { p: 0.25, id: 'q1' },
  { p: 0.5, id: 'mediane' },
  { p: 0.75, id: 'q3' },
  { p: 1, id: 'max' },
] as const;
export type QuantileId = (typeof QUANTILES)[number]['id'];

export interface PeerSummary {
  /** Peers with a value. */
  n: number;
  /** Peers whose value is secret (not computable) or not applicable: not in the quantiles. */
  sansValeur: number;
  quantiles: { id: QuantileId; valeur: number }[];
}

/**
 * Many peers' values of one measure summed up (quantiles of type 7, as R and d3 compute them);
 * a secret or empty value is counted apart, never taken for a number. Undefined without values.
 */
export function peerSummary(values: readonly MeasureValue[]): PeerSummary | undefined {
  const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (numbers.length === 0) return undefined;
  return {
    n: numbers.length,
    sansValeur: values.length - numbers.length,
    quantiles: QUANTILES.map(({ p, id }) => ({ id, valeur: quantileSorted(numbers, p)! })),
  };
}
