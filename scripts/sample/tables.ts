/**
 * The model as the six CSV files of the data contract, with the blemishes of real exports:
 * a few stray trailing spaces, labels quoted because they hold a `;` or a `"`, a few amounts
 * formatted with non-breaking-space thousands, booleans in varying case, a list with commas.
 */
import { readFileSync } from 'node:fs';
import { frenchDate, frenchMonth } from './calendar.ts';
import { frenchAmount, frenchHours } from './format.ts';
import type { SampleModel } from './model.ts';
import { FACILITATORS } from './reference.ts';
import type { Rng } from './rng.ts';
import type { Table } from './write.ts';
import type { TableName } from '../../src/lib/dataset.ts';
import { tableDef } from '../../src/schemas/index.ts';

/** A table's columns in the data contract's order (src/schemas): the files' header. */
const columnsOf = (name: TableName): string[] => Object.keys(tableDef(name).fields);

export const SIRET_REGION = '23440003400026';

const yesNo = (b: boolean): string => (b ? 'oui' : 'non');

/** Indices of `count` distinct rows among `length`, for blemishes. */
const some = (r: Rng, length: number, count: number): Set<number> => new Set(r.distinctInts(Math.min(count, length), 0, length - 1));

export function buildTables(model: SampleModel, rng: Rng): Table[] {
  const r = rng.fork('tables');

  const contracts = model.contracts.slice().sort((a, b) => a.notificationMonth * 40 + a.notification.day - (b.notificationMonth * 40 + b.notification.day) || (a.id < b.id ? -1 : 1));
  const semicolon = some(r, contracts.length, 4);
  const quoted = some(r, contracts.length, 1);
  const spaced = some(r, contracts.length, 3);
  const grouped = some(r, contracts.length, 6);
  const marches: string[][] = contracts.map((c, i) => {
    let objet = c.objet;
    if (semicolon.has(i)) objet = objet.includes(' – ') ? objet.replace(' – ', ' ; ') : `${objet} ; tranche ferme`;
    if (quoted.has(i)) objet = `${objet} — relance après lot déclaré "infructueux"`;
    const considerations = c.typeClause === 'RESERVE' ? 'MARCHE_RESERVE' : c.critere ? 'CLAUSE_SOCIALE|CRITERE_SOCIAL' : 'CLAUSE_SOCIALE';
    const row = [
      c.id,
      SIRET_REGION,
      c.operation.id,
      objet,
      c.cpv,
      c.segment,
      c.procedure,
      frenchDate(c.notification),
      String(c.duree),
      frenchAmount(c.montant, grouped.has(i)),
      considerations,
      c.typeClause,
      yesNo(c.critere),
      String(c.heuresPrevues),
      c.direction,
      c.departement,
      c.facilitator,
      c.titulaire,
    ];
    if (spaced.has(i)) {
      const col = i % 2 === 0 ? 3 : 5;
      row[col] = `${row[col]} `;
    }
    return row;
  });

  const ops = model.operations.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const opSemicolon = some(r, ops.length, 2);
  const opSpaced = some(r, ops.length, 1);
  const operations = ops.map((o, i) => [o.id, `${o.name}${opSemicolon.has(i) ? ' ; tranche 1' : ''}${opSpaced.has(i) ? ' ' : ''}`, o.departement]);

  const facilitateurs = FACILITATORS.map((f, i) => [f.id, i === 6 ? `${f.name} ` : f.name, f.type, f.departement]);

  const companySpaced = some(r, model.companies.length, 1);
  const entreprises = model.companies.map((c, i) => [c.id, companySpaced.has(i) ? `${c.taille} ` : c.taille, c.secteur, c.departement]);

  const people = model.participants.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const multi = people
    .map((p, i) => [p, i] as const)
    .filter(([p]) => p.publics.length >= 2)
    .map(([, i]) => i);
  const commaList = new Set(r.shuffle(multi).slice(0, 2));
  const upper = some(r, people.length, 3);
  const peopleSpaced = some(r, people.length, 1);
  const participants = people.map((p, i) => {
    const bool = (b: boolean): string => (upper.has(i) ? yesNo(b).toUpperCase() : yesNo(b));
    return [p.id, p.sexe, p.trancheAge, peopleSpaced.has(i) ? `${p.niveauFormation} ` : p.niveauFormation, p.publics.join(commaList.has(i) ? ',' : '|'), bool(p.qpv), bool(p.rqth), p.situationSortie];
  });

  const pid = new Map(model.participants.map((p) => [p.person, p.id]));
  const hourSpaced = some(r, model.rows.length, 2);
  const heures = model.rows.map((h, i) => [
    pid.get(h.person) as string,
    h.contract.id,
    frenchMonth(h.month),
    frenchHours(h.centihours),
    hourSpaced.has(i) ? `${h.typeContrat} ` : h.typeContrat,
    h.modalite,
    h.typeStructure,
  ]);

  return [
    {
      file: 'marches.csv',
      encoding: 'windows-1252',
      header: columnsOf('marches'),
      rows: marches,
      ids: { 0: 'code', 2: 'code', 17: 'pseudonym' },
      replicate: true,
    },
    { file: 'operations.csv', encoding: 'windows-1252', header: columnsOf('operations'), rows: operations, ids: { 0: 'code' }, replicate: true },
    { file: 'facilitateurs.csv', encoding: 'windows-1252', header: columnsOf('facilitateurs'), rows: facilitateurs, ids: {}, replicate: false },
    { file: 'entreprises.csv', encoding: 'utf-8-bom', header: columnsOf('entreprises'), rows: entreprises, ids: { 0: 'pseudonym' }, replicate: true },
    {
      file: 'participants.csv',
      encoding: 'utf-8-bom',
      header: columnsOf('participants'),
      rows: participants,
      ids: { 0: 'pseudonym' },
      replicate: true,
      forceQuote: { 4: commaList },
    },
    {
      file: 'heures.csv',
      encoding: 'utf-8-bom',
      header: columnsOf('heures'),
      rows: heures,
      ids: { 0: 'pseudonym', 1: 'code' },
      replicate: true,
    },
  ];
}

/** metadonnees.json: identical at every scale. */
export const METADATA = {
  id: 'pays-de-la-loire',
  nom: 'Région Pays de la Loire',
  siret_acheteur: SIRET_REGION,
  territoire: 'Pays de la Loire',
  code_region: '52',
  departements: ['44', '49', '53', '72', '85'],
  periode: { debut: '2012-01-01', fin: '2018-12-31' },
  licence: 'Etalab-2.0',
  contact: "Mission clause d'insertion, service Commande publique et stratégie d'achat, Région des Pays de la Loire — https://www.paysdelaloire.fr/mon-conseil-regional/marches-publics",
  seuil_secret: 5,
  synthetique: true,
  version: '2019.1',
  date_publication: '2019-06-30',
  frequence: 'annuelle',
  sources: [
    { titre: 'Région des Pays de la Loire — « Pays-de-la-Loire : une commande publique responsable », fiche de résultats des clauses d’insertion 2012–2018' },
    { titre: 'Région des Pays de la Loire — Marchés publics, stratégie d’achat', url: 'https://www.paysdelaloire.fr/mon-conseil-regional/marches-publics' },
  ],
  // The Région's name forms, texts, directorates, statement and 2012–2018 results (./profil.json).
  profil: JSON.parse(readFileSync(new URL('./profil.json', import.meta.url), 'utf8')) as Record<string, unknown>,
} as const;
