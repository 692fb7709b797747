import { describe, expect, it } from 'vitest';
import { identityColumn, maskCell, scanCell, findPhone, namedPerson } from '../../../src/lib/validate/anonymity.ts';

const rules = (text: string) => scanCell(text).map((f) => f.rule);

describe('anonymisation guard on cells', () => {
  it('finds e-mail addresses', () => {
    expect(rules('contact : jean.dupont@example.org')).toEqual(['anonymat.email']);
    expect(rules('marie_l+clauses@mairie-nantes.fr')).toEqual(['anonymat.email']);
    expect(rules('@ suivre')).toEqual([]);
  });

  it('finds French phone numbers in their usual spellings', () => {
    for (const phone of ['06 12 34 56 78', '06.12.34.56.78', '0612345678', '06-12-34-56-78', '+33 6 12 34 56 78', '+33612345678', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78']) {
      expect(rules(`tél. ${phone}`), phone).toEqual(['anonymat.telephone']);
    }
  });

  it('does not take identifiers, amounts or SIRETs for phone numbers or NIRs', () => {
    for (const text of ['23440003400026', 'P000123456', 'E00412', '2018-0042-L03', '1 254 300,00', '45214220-8', 'M17-001-L01', '123456789012345', '00612345678']) {
      expect(rules(text), text).toEqual([]);
    }
  });

  it('finds NIRs with a valid key, or without a key', () => {
    expect(rules('1 85 05 78 006 084 91')).toEqual(['anonymat.nir']);
    expect(rules('185057800608491')).toEqual(['anonymat.nir']);
    expect(rules('2 92 03 2A 350 123')).toEqual(['anonymat.nir']);
    expect(rules('1 85 05 78 006 084 90')).toEqual([]); // wrong key
    expect(rules('1 85 13 78 006 084')).toEqual([]); // month 13 does not exist
  });

  it('finds street addresses, not quantities', () => {
    for (const a of ['12 rue de la Paix', '3 bis avenue Victor Hugo', '1, place du Commerce', '45 boulevard Gabriel Guist’hau', '7 allée des Tilleuls', '2 impasse Verte', '18 chemin du Moulin']) {
      expect(rules(`Lycée, ${a}`), a).toEqual(['anonymat.adresse']);
    }
    for (const t of ['Construction de 12 places de parking', 'Lot 3 gros œuvre', '2 cours de formation', 'Réfection de 4 chemins', 'rue sans numéro']) {
      expect(rules(t), t).toEqual([]);
    }
  });

  it('masks the personal part', () => {
    const text = 'Appeler le 06 12 34 56 78 avant';
    const [finding] = scanCell(text);
    expect(maskCell(text, finding!)).toBe('Appeler le ••• avant');
  });
});

describe('anonymisation guard on column names', () => {
  it('recognises identity columns in French and English', () => {
    const cases: [string, string | undefined][] = [
      ['nom', 'nom'],
      ['Nom de famille', 'nom'],
      ['prenom', 'prénom'],
      ['Prénom', 'prénom'],
      ['date_naissance', 'date de naissance'],
      ['Date de naissance', 'date de naissance'],
      ['nir', 'numéro de sécurité sociale'],
      ['numero_securite_sociale', 'numéro de sécurité sociale'],
      ['adresse', 'adresse'],
      ['Adresse postale', 'adresse'],
      ['email', 'e-mail'],
      ['E-mail', 'e-mail'],
      ['courriel', 'e-mail'],
      ['telephone', 'téléphone'],
      ['Téléphone portable', 'téléphone'],
      ['tel', 'téléphone'],
      ['commentaire', undefined],
      ['montant_total', undefined],
      ['nombre', undefined],
      ['denomination', undefined],
    ];
    for (const [name, what] of cases) expect(identityColumn(name)?.fr, name).toBe(what);
  });
});

describe('named persons and phone numbers in the metadata contact', () => {
  it('finds a civility with the name, a frequent first name with a name, and prenom.nom@', () => {
    expect(namedPerson('Mme Le Goff, mission clauses sociales')).toBe('Mme Le Goff');
    expect(namedPerson('Contact : Jean Dupont, service achats')).toBe('Jean Dupont');
    expect(namedPerson('nathalie.durand@ille-et-vilaine.fr')).toBe('nathalie.durand');
    expect(findPhone('Mission clauses — 02 99 02 35 35')).toBe('02 99 02 35 35');
  });

  it('leaves services, places and service mailboxes alone', () => {
    for (const contact of [
      'Mission clauses sociales — clauses.sociales@ille-et-vilaine.fr',
      'Direction de la commande publique, Hôtel du Département, Saint-Denis',
      'https://www.paysdelaloire.fr/mon-conseil-regional/marches-publics',
      'Service Achats Responsables',
    ]) {
      expect(namedPerson(contact), contact).toBeUndefined();
      expect(findPhone(contact), contact).toBeUndefined();
    }
  });
});
