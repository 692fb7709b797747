import { describe, expect, test } from 'vitest';
import { codeLabel, hasCodeLabel } from '../../src/i18n/index.ts';
import { SEGMENTS, TYPES_CLAUSE } from '../../src/lib/indicators/codes.ts';
import { formatKeyFigure } from '../../src/site/key-figures.ts';
import { formatCell, isLabelColumn, labelColumns, numberFormatter, percentDigits, publishedLabel } from '../../src/site/format.ts';
import type { Column } from '../../src/site/schema.ts';

const col = (nom: string, extra: Partial<Column> = {}): Column => ({ nom, type: 'string', role: 'dimension', titre: { fr: nom, en: nom }, ...extra });
const pct = (nom: string) => col(nom, { type: 'number', role: 'mesure', unite: { fr: '%', en: '%' } });

describe('labels: the published one first', () => {
  test('a code reads as the label its row publishes, in French; English takes libelle_<col>_en when published', () => {
    const row = { segment: 'TRAVAUX', libelle_segment: 'Travaux publiés', libelle_segment_en: 'Published works' };
    expect(formatCell('fr', col('segment'), 'TRAVAUX', row)).toBe('Travaux publiés');
    expect(formatCell('en', col('segment'), 'TRAVAUX', row)).toBe('Published works');
  });
  test('without a published label, the data contract labels the code; an unknown code shows as it is', () => {
    expect(formatCell('en', col('segment'), 'TRAVAUX', { segment: 'TRAVAUX', libelle_segment: 'Travaux' })).toBe('Works');
    expect(formatCell('fr', col('direction'), 'LYCEES', { direction: 'LYCEES', libelle_direction: 'Lycées' })).toBe('Lycées');
    // A publisher's directorate without its published label: the kit knows no directorate's name.
    expect(formatCell('fr', col('direction'), 'LYCEES', { direction: 'LYCEES' })).toBe('LYCEES');
    expect(formatCell('fr', col('segment'), 'NOUVEAU', { segment: 'NOUVEAU' })).toBe('NOUVEAU');
  });
  test('départements are labelled by their published name; ids stay ids', () => {
    expect(publishedLabel('en', 'departement', { departement: '44', nom_departement: 'Loire-Atlantique' })).toBe('Loire-Atlantique');
    expect(publishedLabel('fr', 'id_operation', { id_operation: 'OP1', nom_operation: 'Lycée' })).toBeUndefined();
    expect(labelColumns('indicateur', 'en')).toContain('libelle_en');
  });
  test('a secret or empty label is no label', () => {
    expect(publishedLabel('fr', 'sexe', { sexe: 'F', libelle_sexe: 'secret' })).toBeUndefined();
    expect(publishedLabel('fr', 'sexe', { sexe: 'F', libelle_sexe: '' })).toBeUndefined();
  });
  test('a label column beside its code column is not shown twice', () => {
    const columns = [col('annee'), col('segment'), col('libelle_segment'), col('departement'), col('nom_departement'), col('id_operation'), col('nom_operation')];
    expect(columns.filter((c) => isLabelColumn(c.nom, columns)).map((c) => c.nom)).toEqual(['libelle_segment', 'nom_departement']);
  });
  test('the fallback labels are the enumerations of the data contract (one list of codes)', () => {
    for (const [code, label] of Object.entries(SEGMENTS)) expect(codeLabel('fr', 'segment', code)).toBe(label.fr);
    // Directorates are the publisher's (its profile): labelled by the published `libelle_direction`, never by the kit.
    expect(codeLabel('fr', 'direction', 'COLLEGES')).toBe('COLLEGES');
    expect(Object.keys(SEGMENTS)).toEqual(['TRAVAUX', 'SERVICES', 'FOURNITURES', 'PRESTATIONS_INTELLECTUELLES']);
    expect(TYPES_CLAUSE.AUCUNE?.fr).toBe("Pas de clause d'insertion");
    expect(hasCodeLabel('type', 'integer')).toBe(true);
  });
});

describe('precision', () => {
  test('key figures keep their published precision', () => {
    expect(formatKeyFigure('fr', 12.96, '%', 2)).toBe('12,96\u202f%');
    expect(formatKeyFigure('en', 12.96, '%', 2)).toBe('12.96%');
    expect(formatKeyFigure('fr', 70.02, '%', 0)).toBe('70\u202f%');
    expect(formatKeyFigure('fr', 318452.75, 'heures', 0)).toBe('318\u202f453');
    expect(formatKeyFigure('fr', 12.96, '%')).toBe('13,0\u202f%');
  });
  test('shares of a whole show 1 decimal, completion rates none, in tables and charts alike', () => {
    expect(percentDigits(pct('part_heures'))).toBe(1);
    expect(percentDigits(pct('taux_realisation'))).toBe(0);
    expect(formatCell('fr', pct('part_heures'), 59.22)).toBe('59,2\u202f%');
    expect(formatCell('fr', pct('part_heures'), 100)).toBe('100,0\u202f%');
    expect(formatCell('en', pct('taux_realisation'), 82.44)).toBe('82%');
    expect(numberFormatter('fr', pct('part_personnes'))(43.8)).toBe('43,8\u202f%');
    expect(formatCell('fr', col('etp', { type: 'number', role: 'mesure' }), 1.29)).toBe('1,29');
  });
});
