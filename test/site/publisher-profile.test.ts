/**
 * What pages say of a publisher from its profile (src/site/publisher.ts) and how key figures read
 * the published key-figures rows (src/site/key-figures.ts): pure functions, no build.
 */
import { describe, expect, it } from 'vitest';
import { ProfilSchema, contrastOnWhite } from '../../src/schemas/profil.ts';
import { formatReference, partialYears, publishedBefore, yearChange } from '../../src/site/key-figures.ts';
import { capitalize, compliance, nameForms, profileHtml, publisherCss } from '../../src/site/publisher.ts';

const profil = ProfilSchema.parse({
  formes: {
    fr: { nom: "l'Eurométropole de Strasbourg", de_nom: "de l'Eurométropole de Strasbourg" },
    en: { nom: 'the Eurométropole de Strasbourg', de_nom: 'of the Eurométropole de Strasbourg' },
  },
  presentation: { fr: 'Depuis **2020** : <script>x</script>', en: 'Since **2020**' },
  resultats_publies: { titre: { fr: 'bilan', en: 'report' }, valeurs: { heures_realisees: 74695 } },
});

describe('the name in a sentence', () => {
  it('is the profile’s, capitalised at the start of a sentence; without a profile, bare', () => {
    expect(nameForms('fr', { nom: 'Eurométropole de Strasbourg', profil })).toEqual({
      nom: "l'Eurométropole de Strasbourg",
      de_nom: "de l'Eurométropole de Strasbourg",
      bare: 'Eurométropole de Strasbourg',
    });
    expect(capitalize("l'Eurométropole")).toBe("L'Eurométropole");
    expect(capitalize('Rennes Métropole')).toBe('Rennes Métropole');
    expect(nameForms('en', { nom: 'Département du Nord' })).toEqual({ bare: 'Département du Nord' });
  });

  it('reads the publisher’s texts as escaped Markdown', () => {
    expect(profileHtml('fr', profil, 'presentation')).toBe('<p>Depuis <strong>2020</strong> : &lt;script&gt;x&lt;/script&gt;</p>');
    expect(profileHtml('fr', profil, 'odd')).toBeUndefined();
  });

  it('declares no accessibility compliance it has not stated: « non conforme » without a statement', () => {
    expect(compliance(profil)).toBe('non_conforme');
    expect(compliance({ ...profil, accessibilite: { conformite: 'partiellement_conforme', declaration: { fr: 'x', en: 'x' } } })).toBe('partiellement_conforme');
  });

  it('takes a colour only with AA contrast on white, and writes it as a stylesheet', () => {
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21);
    expect(ProfilSchema.safeParse({ ...profil, couleur: '#ffcc00' }).success).toBe(false);
    expect(publisherCss({ ...profil, couleur: '#0b5d7a' })).toBe('html:root { --accent: #0b5d7a; --accent-dark: #08465c; }\n');
    expect(publisherCss(profil)).toBe('');
  });
});

describe('key figures from the published rows', () => {
  const rows = [
    { indicateur: 'heures_annee', valeur: 1100, reference: '2023' },
    { indicateur: 'heures_annee_precedente', valeur: 1000, reference: '2022' },
    { indicateur: 'personnes_annee', valeur: 'secret', reference: '2023' },
    { indicateur: 'personnes_annee_precedente', valeur: 40, reference: '2022' },
  ];

  it('gives a year’s change from the year before only from two published values', () => {
    expect(yearChange('fr', rows, 'heures_annee')).toBe('+10\u202f% par rapport à 2022');
    expect(yearChange('en', rows, 'heures_annee')).toBe('+10% from 2022');
    expect(yearChange('fr', rows, 'personnes_annee')).toBeUndefined();
    expect(yearChange('fr', rows, 'heures_realisees')).toBeUndefined();
  });

  it('shows the figure the publisher published before, in the same unit', () => {
    expect(publishedBefore('fr', profil, 'heures_realisees', 'heures', 0)).toBe('publié auparavant : 74\u202f695');
    expect(publishedBefore('fr', profil, 'personnes', 'personnes', 0)).toBeUndefined();
  });

  it('says which first or last year is partial, from the months the data cover', () => {
    expect(partialYears('2012-10/2018-12')).toEqual([{ year: '2012', from: '2012-10', to: '2012-12' }]);
    expect(partialYears('2022-01/2023-06')).toEqual([{ year: '2023', from: '2023-01', to: '2023-06' }]);
    expect(partialYears('2022-03/2022-11')).toEqual([{ year: '2022', from: '2022-03', to: '2022-11' }]);
    expect(partialYears('2022-01/2023-12')).toEqual([]);
    expect(partialYears('secret')).toEqual([]);
    expect(formatReference('fr', '2012-10/2018-12')).toBe('octobre 2012 – décembre 2018');
  });
});
