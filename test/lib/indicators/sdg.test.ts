import { describe, expect, it } from 'vitest';
import { ALIGNEMENT_ODD, ciblesDe, CIBLES_ODD } from '../../../src/lib/sdg.ts';
import { DIMENSIONS, HEADLINE_IDS } from '../../../src/lib/indicators/index.ts';

describe('SDG alignment', () => {
  it('quotes the official wording of the main targets', () => {
    expect(CIBLES_ODD['8.5'].fr).toBe(
      "D'ici à 2030, parvenir au plein emploi productif et garantir à toutes les femmes et à tous les hommes, y compris les jeunes et les personnes handicapées, un travail décent et un salaire égal pour un travail de valeur égale",
    );
    expect(CIBLES_ODD['8.6'].en).toBe('By 2020, substantially reduce the proportion of youth not in employment, education or training');
    expect(CIBLES_ODD['17.17'].en).toBe('Encourage and promote effective public, public-private and civil society partnerships, building on the experience and resourcing strategies of partnerships');
    expect(Object.keys(CIBLES_ODD)).toEqual(['8.5', '8.6', '17.17', '8.3', '10.2', '12.7']);
  });

  it('gives every dimension and headline figure targets and a bilingual reason', () => {
    for (const s of [...Object.keys(DIMENSIONS), ...HEADLINE_IDS, 'heures', 'marches'] as (keyof typeof ALIGNEMENT_ODD)[]) {
      const a = ALIGNEMENT_ODD[s];
      expect(a.cibles.length, s).toBeGreaterThan(0);
      expect(a.raison.fr && a.raison.en, s).toBeTruthy();
    }
  });

  it('merges the targets of several subjects in a fixed order', () => {
    expect(ciblesDe('sexe', 'tranche_age')).toEqual(['8.5', '8.6', '10.2']);
    expect(ciblesDe('marches')).toEqual(['12.7']);
  });
});
