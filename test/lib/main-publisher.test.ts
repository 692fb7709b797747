/** Which publisher the results pages show, and a synthetic sample next to real data (src/lib/main-publisher.ts). */
import { describe, expect, it } from 'vitest';
import { chooseMainPublisher, syntheticOf } from '../../src/lib/main-publisher.ts';

const real = (id: string) => ({ id, synthetique: false });
const sample = (id: string) => ({ id, synthetique: true });

describe('chooseMainPublisher', () => {
  it('takes the only folder, saying so', () => {
    expect(chooseMainPublisher([real('departement-35')])).toEqual({
      main: 'departement-35',
      reason: { fr: 'le seul dossier de data/', en: 'the only folder of data/' },
    });
  });

  it('refuses a synthetic folder next to real ones unless asked for', () => {
    expect(chooseMainPublisher([sample('pays-de-la-loire'), real('departement-35')])).toMatchInlineSnapshot(`
      {
        "error": {
          "en": "Synthetic data next to real data: pays-de-la-loire (synthetique: true) would be published with departement-35. Remove that folder from data/, or ask for it explicitly: npm run build -- --avec-synthetique (or AVEC_SYNTHETIQUE=1).",
          "fr": "Données synthétiques à côté de vraies données : pays-de-la-loire (synthetique: true) serait publié avec departement-35. Retirez ce dossier de data/, ou demandez-le explicitement : npm run build -- --avec-synthetique (ou AVEC_SYNTHETIQUE=1).",
        },
      }
    `);
    expect(chooseMainPublisher([sample('pays-de-la-loire'), real('departement-35')], { allowSynthetic: true })).toMatchInlineSnapshot(`
      {
        "main": "departement-35",
        "reason": {
          "en": "the only one with real data (pays-de-la-loire: synthetic)",
          "fr": "le seul aux données réelles (pays-de-la-loire : synthétique)",
        },
      }
    `);
  });

  it('takes EDITEUR first, and refuses one that names no folder', () => {
    expect(chooseMainPublisher([real('a'), real('b')], { requested: 'b' })).toMatchObject({ main: 'b', reason: { en: 'named by the EDITEUR variable' } });
    expect(chooseMainPublisher([real('a'), real('b')], { requested: 'c' })).toMatchInlineSnapshot(`
      {
        "error": {
          "en": "EDITEUR=c names no folder of data/ (publishers: a, b).",
          "fr": "EDITEUR=c ne désigne aucun dossier de data/ (éditeurs : a, b).",
        },
      }
    `);
  });

  it('else the first by id, saying how to choose another', () => {
    expect(chooseMainPublisher([real('b'), real('a')])).toMatchInlineSnapshot(`
      {
        "main": "a",
        "reason": {
          "en": "the first in alphabetical order among a, b; EDITEUR=<id> npm run build chooses another",
          "fr": "le premier par ordre alphabétique parmi a, b ; EDITEUR=<id> npm run build en choisit un autre",
        },
      }
    `);
    expect(chooseMainPublisher([sample('b'), sample('a')])).toMatchObject({ main: 'a' });
  });
});

describe('syntheticOf', () => {
  it('reads the flag from the metadata text, and nothing from what cannot be read', () => {
    expect(syntheticOf('\uFEFF{"synthetique": true}')).toBe(true);
    expect(syntheticOf('{"synthetique": false}')).toBe(false);
    expect(syntheticOf('{"synthetique": "oui"}')).toBeUndefined();
    expect(syntheticOf('{ pas du json')).toBeUndefined();
    expect(syntheticOf(undefined)).toBeUndefined();
  });
});
