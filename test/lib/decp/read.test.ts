import { describe, expect, it } from 'vitest';
import { DecpError } from '../../../src/lib/decp/messages.ts';
import { buyerId, considerationLabels, contractorIds, isConcession, isoDatePrefix, modificationsOf, readDecp } from '../../../src/lib/decp/read.ts';
import { fixture, officialExample } from './helpers.ts';

describe('readDecp', () => {
  it('reads the official v2 example, whose marche is a single object', () => {
    const { format, entries } = readDecp(officialExample());
    expect(format).toBe('v2-objet');
    expect(entries.map((e) => [e.source, e.index, e.concessionList])).toEqual([['marches.marche', 1, false]]);
  });

  it('reads v2 object form with marchés and concessions', () => {
    const { format, entries } = readDecp(fixture('v2-objet.json'));
    expect(format).toBe('v2-objet');
    expect(entries).toHaveLength(10);
    expect(entries.at(-1)).toMatchObject({ source: 'marches.contrat-concession', index: 1, concessionList: true });
  });

  it('reads arrays: v2 as an array with a sibling contrats-concession, the older array, a bare array', () => {
    const v2 = readDecp(fixture('v2-tableau.json'));
    expect(v2.format).toBe('tableau');
    expect(v2.entries.map((e) => `${e.source}#${e.index}`)).toEqual(['marches#1', 'marches#2', 'contrats-concession#1']);
    const old = readDecp(fixture('tableau-ancien.json'));
    expect(old.entries).toHaveLength(5);
    expect(old.entries.every((e) => e.source === 'marches' && !e.concessionList)).toBe(true);
    expect(readDecp([{ id: 'a' }, { marche: { id: 'b' } }]).entries.map((e) => e.record)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it.each([
    [{}, '{}'],
    [{ marche: [] }, 'marche'],
    [{ marches: 'x' }, 'marches = string'],
    [{ marches: {} }, 'marches = {}'],
    ['text', 'string'],
    [null, 'null'],
  ])('refuses %j with a bilingual sentence', (json, found) => {
    let error: unknown;
    try {
      readDecp(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecpError);
    expect((error as DecpError).text.fr).toContain("Ce n'est pas un fichier DECP");
    expect((error as DecpError).text.en).toContain('This is not a DECP file');
    expect((error as DecpError).text.fr).toContain(found);
  });
});

describe('accessors', () => {
  it('find the buyer in nested and flattened spellings', () => {
    expect(buyerId({ acheteur: { id: '234 400 034 00026' } })).toBe('23440003400026');
    expect(buyerId({ 'acheteur.id': '23440003400026' })).toBe('23440003400026');
    expect(buyerId({ acheteur_id: '23440003400026' })).toBe('23440003400026');
    expect(buyerId({ autoriteConcedante: { id: '23440003400026' } })).toBe('23440003400026');
    expect(buyerId({ acheteur: {} })).toBeUndefined();
  });

  it('read social considerations in every spelling', () => {
    expect(considerationLabels({ considerationsSociales: ['Clause sociale'] })).toEqual(['Clause sociale']);
    expect(considerationLabels({ considerationsSociales: { considerationSociale: ['Clause sociale', 'Critère social'] } })).toEqual(['Clause sociale', 'Critère social']);
    expect(considerationLabels({ considerationsSociales: { considerationSociale: 'Marché réservé' } })).toEqual(['Marché réservé']);
    expect(considerationLabels({ considerationsSociales: 'Clause sociale, Critère social' })).toEqual(['Clause sociale', 'Critère social']);
    expect(considerationLabels({ considerationsSociales: [] })).toEqual([]);
    expect(considerationLabels({})).toEqual([]);
  });

  it('read contractors in every spelling', () => {
    expect(contractorIds([{ id: 'A', typeIdentifiant: 'SIRET' }])).toEqual(['A']);
    expect(contractorIds([{ titulaire: { id: 'A' } }, { titulaire: { id: 'B' } }])).toEqual(['A', 'B']);
    expect(contractorIds({ titulaire: [{ id: 'A' }] })).toEqual(['A']);
    expect(contractorIds({ titulaire: { id: 'A' } })).toEqual(['A']);
    expect(contractorIds(undefined)).toEqual([]);
  });

  it('read modifications wrapped or not', () => {
    expect(modificationsOf({ modifications: [{ modification: { id: 1 } }, { id: 2 }] })).toEqual([{ id: 1 }, { id: 2 }]);
    expect(modificationsOf({ modifications: { modification: { id: 1 } } })).toEqual([{ id: 1 }]);
    expect(modificationsOf({ modifications: [] })).toEqual([]);
  });

  it('tell concessions from marchés', () => {
    expect(isConcession({ _type: 'Contrat de concession' })).toBe(true);
    expect(isConcession({ nature: 'Délégation de service public' })).toBe(true);
    expect(isConcession({ nature: 'Concession de travaux' })).toBe(true);
    expect(isConcession({ autoriteConcedante: { id: '1' } })).toBe(true);
    expect(isConcession({ _type: 'Marché', nature: 'Marché' })).toBe(false);
    // Consolidated files give marchés the concession keys, set to null.
    expect(isConcession({ _type: 'Marché', valeurGlobale: null, concessionnaires: null, autoriteConcedante: null })).toBe(false);
  });

  it('read DECP dates with a zone or a time', () => {
    expect(isoDatePrefix('2019-01-15')).toBe('2019-01-15');
    expect(isoDatePrefix('2019-01-15+01:00')).toBe('2019-01-15');
    expect(isoDatePrefix('2019-01-15T10:00:00Z')).toBe('2019-01-15');
    expect(isoDatePrefix('15/01/2019')).toBeUndefined();
    expect(isoDatePrefix('2019-01-150')).toBeUndefined();
  });
});
