/** Fixtures and constants shared by the DECP import tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'decp');
/** The official DECP v2 example (139bercy/format-commande-publique, exemples/json/Marche.json). */
export const OFFICIAL_EXAMPLE = join(import.meta.dirname, '..', '..', 'fixtures', 'decp', 'decp-exemple-marche.json');
/** Buyer SIRET of the official example. */
export const EXAMPLE_SIRET = '21750001630040';
/** Buyer SIRET of our fixtures (the one of the Pays de la Loire metadata). */
export const SIRET = '23440003400026';
export const SALT = 'sel-de-test-0123456789abcdef';
export const DEPARTEMENTS = ['44', '49', '53', '72', '85'];
export const PERIODE = { debut: '2020-01-01', fin: '2025-12-31' };

/** Contractor identifiers that appear in the fixtures: none may reach an output. */
export const CONTRACTOR_IDS = [
  '55204599900869',
  '11111111100011',
  '222 222 222 00022',
  '22222222200022',
  '33333333300033',
  '44444444400044',
  '55555555500055',
  '66666666600066',
  '77777777700077',
  '88888888800088',
  '99999999900099',
  '12121212100012',
  'ENTREPRISE FICTIVE',
  'AGENCE FICTIVE',
];

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

export function officialExample(): unknown {
  return JSON.parse(readFileSync(OFFICIAL_EXAMPLE, 'utf8'));
}
