import type { Dimension } from '../indicators/dimensions.ts';
import { ciblesDe } from '../sdg.ts';
import { marchesFields } from '../../schemas/marches.ts';
import { col, contractField, dimensionColumn, labelled } from './columns.ts';
import { round } from './round.ts';
import { dimensionCells, labels } from './row.ts';
import type { Ligne, TableSpec } from './types.ts';

/** Contract attributes published with their label column. */
const CONTRACT_LABELLED: Dimension[] = ['segment', 'type_clause', 'id_operation', 'direction', 'departement', 'id_facilitateur', 'taille_entreprise'];

/**
 * One row per contract (or lot) with a clause: its public procurement fields (those of the
 * national DECP data, which publish every contract) and its planned hours, with the operation,
 * directorate, département, facilitator and contractor size it is counted under.
 *
 * No figure carried out (hours, persons) is published per contract: a contract has one
 * contractor, so its hours are one company's (the INSEE rule wants 3), most contracts count
 * fewer than k persons, and contracts add up to every table of the release at once (operations,
 * segments, directorates, départements, facilitators, sizes, years), which let an outsider pin
 * secret cells by difference. Hours carried out are published by operation and by every
 * attribute of the contracts instead. The contractor's pseudonym is left out: it is not the public
 * identity of the company (DECP's SIRET), so it tells a reader nothing, and it would let anyone
 * group one company's contracts.
 */
export const marches: TableSpec = {
  id: 'marches',
  titre: { fr: "Marchés avec clause d'insertion", en: 'Contracts with an insertion clause' },
  description: {
    fr: "Un marché (ou lot) par ligne, avec clause d'insertion : identifiant et champs publics des données essentielles de la commande publique (DECP), opération, direction, département, facilitateur, taille de l'entreprise titulaire et heures d'insertion prévues. Les heures réalisées ne sont pas publiées par marché (un marché, c'est une seule entreprise, souvent moins de k personnes) : elles le sont par opération et par chacun de ces attributs.",
    en: 'One contract (or lot) with an insertion clause per row: identifier and public fields of the national procurement data (DECP), operation, directorate, département, facilitator, size of the contractor and planned insertion hours. Hours carried out are not published per contract (a contract is a single company, often fewer than k persons): they are published by operation and by each of these attributes.',
  },
  colonnes: [
    contractField('id_marche', 'string', 'dimension'),
    contractField('objet', 'string', 'dimension'),
    contractField('date_notification', 'date', 'dimension'),
    dimensionColumn('annee_notification'),
    ...labelled('segment'),
    contractField('code_cpv', 'string', 'dimension'),
    contractField('duree_mois', 'integer', 'mesure', { unite: { fr: 'mois', en: 'months' } }),
    contractField('montant', 'number', 'mesure', { unite: { fr: '€ HT', en: '€ excl. VAT' }, decimales: 2 }),
    ...labelled('type_clause'),
    contractField('critere_attribution', 'boolean', 'dimension'),
    { ...col.heures_prevues, description: marchesFields.heures_prevues.description },
    ...CONTRACT_LABELLED.filter((d) => !['segment', 'type_clause'].includes(d)).flatMap(labelled),
  ],
  cle: ['id_marche'],
  odd: ciblesDe('marches'),
  cubes: [],
  compute({ protection: p }) {
    const ds = p.cells.ds;
    const m = ds.marches;
    const n = m.numRows();
    const get = (name: string) => m.array(name) as unknown as ArrayLike<unknown>;
    const ids = get('id_marche');
    const objets = get('objet');
    const dates = get('date_notification');
    const cpv = get('code_cpv');
    const durees = get('duree_mois');
    const montants = get('montant');
    const clauses = get('type_clause');
    const criteres = get('critere_attribution');
    const prevues = get('heures_prevues');
    const titulaires = get('id_titulaire');
    const attributes = new Map(CONTRACT_LABELLED.filter((d) => d !== 'taille_entreprise').map((d) => [d, get(d)]));
    const sizes = new Map<string, string>();
    const ent = ds.entreprises.array('id_entreprise');
    const taille = ds.entreprises.array('taille');
    for (let i = 0; i < ent.length; i++) sizes.set(String(ent[i]), String(taille[i]));
    const labelOf = labels(ds);
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (clauses[i] !== 'AUCUNE') order.push(i);
    order.sort((a, b) => cmp(String(dates[a]), String(dates[b])) || cmp(String(ids[a]), String(ids[b])));
    return order.map((i) => {
      const attr = (d: Dimension): string => (d === 'taille_entreprise' ? (sizes.get(String(titulaires[i])) ?? '') : String(attributes.get(d)![i]));
      const row: Ligne = {
        id_marche: String(ids[i]),
        objet: String(objets[i]),
        date_notification: String(dates[i]),
        annee_notification: Number(String(dates[i]).slice(0, 4)),
        segment: attr('segment'),
        libelle_segment: labelOf('segment', attr('segment')),
        code_cpv: String(cpv[i]),
        duree_mois: Number(durees[i]),
        montant: round(Number(montants[i])),
        type_clause: attr('type_clause'),
        libelle_type_clause: labelOf('type_clause', attr('type_clause')),
        critere_attribution: criteres[i] === true,
        heures_prevues: round(Number(prevues[i])),
      };
      for (const d of CONTRACT_LABELLED) {
        if (d === 'segment' || d === 'type_clause') continue;
        Object.assign(row, dimensionCells(d, attr(d), labelOf));
      }
      return row;
    });
  },
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
