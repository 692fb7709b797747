/**
 * Step 2 (src/lib/cells): the published cells of a tiny dataset, worked out by hand: hours,
 * distinct persons and contractors by breakdown, contracts by year of notification, and the
 * joined hour rows they are counted from.
 */
import { describe, expect, it } from 'vitest';
import { computeCells, contractKey } from '../../../src/lib/cells/index.ts';
import { hoursDetail, type Dimension } from '../../../src/lib/indicators/index.ts';
import { tiny } from '../indicators/fixtures.ts';

describe('breakdowns', () => {
  const ds = tiny();

  it('joins every hour row with its contract, participant and contractor', () => {
    const d = hoursDetail(ds);
    expect(d.numRows()).toBe(5);
    expect(d.array('annee')).toEqual(['2017', '2017', '2017', '2018', '2018']);
    expect(d.array('segment')).toEqual(['TRAVAUX', 'TRAVAUX', 'TRAVAUX', 'SERVICES', 'SERVICES']);
    expect(d.array('famille_structure')).toEqual(['HORS_SIAE', 'HORS_SIAE', 'HORS_SIAE', 'SIAE', 'HORS_SIAE']);
    expect(d.array('famille_contrat')).toEqual(['HORS_ALTERNANCE', 'HORS_ALTERNANCE', 'ALTERNANCE', 'HORS_ALTERNANCE', 'ALTERNANCE']);
    expect(d.array('taille_entreprise')).toEqual(['PME', 'PME', 'PME', 'PME', 'PME']);
  });

  // The published cells (src/lib/cells), on the combinations that have hours.
  const cells = computeCells(ds, [['annee'], ['public'], ['annee', 'segment']], { k: ds.meta.seuil_secret });
  const withHours = (dims: Dimension[]) =>
    cells
      .grid(dims)
      .map((values) => cells.cell(values)!)
      .filter((c) => c.heures > 0)
      .map((c): Record<string, unknown> => ({ ...c.dims, heures_realisees: c.heures, personnes: c.personnes.size, entreprises: c.entreprises }));

  it('hours and persons by year', () => {
    expect(withHours(['annee'])).toEqual([
      { annee: '2017', heures_realisees: 35, personnes: 2, entreprises: 1 },
      { annee: '2018', heures_realisees: 15.5, personnes: 2, entreprises: 1 },
    ]);
  });

  it('a person counts in each of their public categories', () => {
    const byPublic = withHours(['public']).sort((a, b) => String(a.public).localeCompare(String(b.public)));
    expect(byPublic.map((c) => c.public)).toEqual(['JEUNE', 'QPV', 'RSA']);
    expect(byPublic.map((c) => c.personnes)).toEqual([1, 1, 2]);
    expect(byPublic.map((c) => c.heures_realisees)).toEqual([12.5, 30, 38]);
  });

  it('year × segment and the grand total', () => {
    expect(withHours(['annee', 'segment'])).toEqual([
      { annee: '2017', segment: 'TRAVAUX', heures_realisees: 35, personnes: 2, entreprises: 1 },
      { annee: '2018', segment: 'SERVICES', heures_realisees: 15.5, personnes: 2, entreprises: 1 },
    ]);
    expect(withHours([])).toEqual([{ heures_realisees: 50.5, personnes: 3, entreprises: 2 }]);
  });

  it('contracts by year of notification', () => {
    const byYear = cells.contracts(['annee_notification']);
    expect([...byYear.keys()]).toEqual(['2017', '2018']);
    expect(byYear.get(contractKey(['2017']))).toMatchObject({ nombre_marches: 1, nombre_operations: 1, heures_prevues: 100, nombre_marches_critere: 1 });
    expect(byYear.get(contractKey(['2018']))).toMatchObject({ nombre_marches: 2, nombre_operations: 2, heures_prevues: 70, nombre_marches_critere: 1 });
  });
});
