import { op, type ColumnTable } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { ALTERNANCE, SIAE } from '../../../src/lib/indicators/codes.ts';
import { hoursDetail, leftJoinRows, withParams } from '../../../src/lib/indicators/detail.ts';
import { makeTable } from './fixtures.ts';
import { expectTableEqual } from '../../table-equal.ts';

/**
 * The hour detail as arquero's verbs define it: hoursDetail() must give these rows, in this order,
 * with these values (`undefined` where a join found no match), whatever the keys.
 */
function reference(ds: Dataset): ColumnTable {
  const marches = ds.marches
    .derive({ annee_notification: (d) => op.substring(d.date_notification, 0, 4) })
    .select('id_marche', 'annee_notification', 'segment', 'direction', 'departement', 'type_clause', 'id_operation', 'id_facilitateur', 'id_titulaire');
  const participants = ds.participants.select('id_participant', 'sexe', 'tranche_age', 'niveau_formation', 'publics', 'qpv', 'rqth', 'situation_sortie');
  const entreprises = ds.entreprises.select({ id_entreprise: 'id_titulaire', taille: 'taille_entreprise', secteur: 'secteur_entreprise' });
  return withParams(ds.heures, { SIAE: [...SIAE], ALTERNANCE: [...ALTERNANCE] })
    .derive({
      annee: (d) => op.substring(d.mois, 0, 4),
      famille_structure: (d, $: { SIAE: string[] }) => (op.includes($.SIAE, d.type_structure) ? 'SIAE' : 'HORS_SIAE'),
      famille_contrat: (d, $: { ALTERNANCE: string[] }) => (op.includes($.ALTERNANCE, d.type_contrat) ? 'ALTERNANCE' : 'HORS_ALTERNANCE'),
    })
    .join_left(marches, 'id_marche')
    .join_left(participants, 'id_participant')
    .join_left(entreprises, 'id_titulaire')
    .reify();
}

/** Keys from a short list, with missing values and keys of no other table. */
const key = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`, `${prefix}4`, null, `${prefix}X`);

const arbitraryTables = fc
  .record({
    dictionary: fc.boolean(),
    // A filtered or ordered table: joins read its rows left by the filter, in natural order.
    view: fc.constantFrom('plain', 'plain', 'filtered', 'ordered', 'both'),
    heures: fc.array(
      fc.record({
        id_participant: key('P'),
        id_marche: key('M'),
        mois: fc.constantFrom('2017-03', '2017-11', '2018-01', null),
        heures: fc.constantFrom(1, 7.5, 35, 0),
        type_contrat: fc.constantFrom('CDI', 'APPRENTISSAGE', 'PROFESSIONNALISATION', null),
        type_structure: fc.constantFrom('ETTI', 'EI', 'ENTREPRISE', null),
      }),
      { maxLength: 12 },
    ),
    // Up to more rows than the hours (arquero then scans this side), with duplicate ids.
    marches: fc.array(
      fc.record({
        id_marche: key('M'),
        date_notification: fc.constantFrom('2017-02-01', '2018-06-30', null),
        segment: fc.constantFrom('TRAVAUX', 'SERVICES'),
        direction: fc.constantFrom('LYCEES', 'TRANSPORTS'),
        departement: fc.constantFrom('44', '49'),
        type_clause: fc.constantFrom('EXECUTION', 'AUCUNE'),
        id_operation: fc.constantFrom('O1', 'O2'),
        id_facilitateur: fc.constantFrom('F1', 'F2'),
        id_titulaire: key('E'),
      }),
      { maxLength: 16 },
    ),
    participants: fc.array(
      fc.record({
        id_participant: key('P'),
        sexe: fc.constantFrom('F', 'H'),
        tranche_age: fc.constantFrom('MOINS_26', 'PLUS_50'),
        niveau_formation: fc.constantFrom('V', 'IV'),
        publics: fc.constantFrom(['RSA'], ['DELD', 'QPV'], []),
        qpv: fc.boolean(),
        rqth: fc.boolean(),
        situation_sortie: fc.constantFrom('EMPLOI', null),
      }),
      { maxLength: 16 },
    ),
    entreprises: fc.array(fc.record({ id_entreprise: key('E'), taille: fc.constantFrom('TPE', 'GE'), secteur: fc.constantFrom('F', 'N') }), { maxLength: 16 }),
  })
  .map(({ dictionary, view, ...rows }) => {
    const columnsOf = (list: Record<string, unknown>[], names: string[]) => Object.fromEntries(names.map((n) => [n, list.map((r) => r[n])]));
    const t = (list: Record<string, unknown>[], names: string[]) => makeTable(columnsOf(list, names), dictionary);
    let heures = t(rows.heures, ['id_participant', 'id_marche', 'mois', 'heures', 'type_contrat', 'type_structure']);
    if (view === 'filtered' || view === 'both') heures = heures.filter((d) => d.heures > 0);
    if (view === 'ordered' || view === 'both') heures = heures.orderby('id_participant', 'mois');
    return {
      heures,
      marches: t(rows.marches, ['id_marche', 'date_notification', 'segment', 'direction', 'departement', 'type_clause', 'id_operation', 'id_facilitateur', 'id_titulaire']),
      participants: t(rows.participants, ['id_participant', 'sexe', 'tranche_age', 'niveau_formation', 'publics', 'qpv', 'rqth', 'situation_sortie']),
      entreprises: t(rows.entreprises, ['id_entreprise', 'taille', 'secteur']),
    } as unknown as Dataset;
  });

describe('hoursDetail', () => {
  it("gives arquero's joins row for row, missing keys, duplicates and unmatched rows included", () => {
    fc.assert(
      fc.property(arbitraryTables, (ds) => {
        const ours = hoursDetail(ds);
        const theirs = reference(ds);
        expectTableEqual(ours, theirs);
        // Dictionary columns group by value id: derived values (a year of several months) must
        // still be one group each.
        expectTableEqual(ours.groupby('annee').count(), theirs.groupby('annee').count());
        expectTableEqual(ours.groupby('famille_structure').count(), theirs.groupby('famille_structure').count());
      }),
      { numRuns: 300 * Number(process.env.FUZZ_RUNS ?? 1), seed: 20181231, endOnFailure: true },
    );
  });
});

describe('leftJoinRows', () => {
  const coded = (values: unknown[]) => {
    const distinct = [...new Set(values)];
    return { ids: Uint32Array.from(values, (v) => distinct.indexOf(v)), values: distinct };
  };

  it('scans the left side when it is the larger, then appends its unmatched rows', () => {
    const { left, right } = leftJoinRows(coded(['a', 'b', 'x', 'a']), coded(['a', 'b', 'a']));
    expect([...left]).toEqual([0, 0, 1, 3, 3, 2]);
    expect([...right]).toEqual([0, 2, 1, 0, 2, -1]);
  });

  it('scans the right side when it is the larger (arquero hashes the smaller table)', () => {
    const { left, right } = leftJoinRows(coded(['b', 'a', null]), coded(['a', 'z', 'b', 'a']));
    expect([...left]).toEqual([1, 0, 1, 2]);
    expect([...right]).toEqual([0, 2, 3, -1]);
  });
});
