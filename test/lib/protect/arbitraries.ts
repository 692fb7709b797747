import fc from 'fast-check';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { dataset, type Heure, type Marche, type Participant } from '../indicators/fixtures.ts';

const months = Array.from({ length: 24 }, (_, i) => `${2017 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * Random small datasets: a few contracts and companies, up to 60 persons, random hour rows.
 * Values are drawn from short code lists so that cells are small and disclosure control has
 * work to do; `k` ranges from 2 to the real thresholds (5, 11).
 */
export function arbitraryDataset({ maxPersons = 60, maxRows = 150 } = {}): fc.Arbitrary<Dataset> {
  return fc
    .record({
      k: fc.constantFrom(2, 3, 5, 11),
      contracts: fc.array(
        fc.record({
          segment: fc.constantFrom('TRAVAUX', 'SERVICES', 'PRESTATIONS_INTELLECTUELLES'),
          direction: fc.constantFrom('LYCEES', 'PATRIMOINE', 'TRANSPORTS'),
          departement: fc.constantFrom('44', '49'),
          type_clause: fc.constantFrom('EXECUTION', 'EXECUTION', 'RESERVE', 'AUCUNE'),
          titulaire: fc.integer({ min: 0, max: 5 }),
          operation: fc.integer({ min: 0, max: 3 }),
          facilitateur: fc.integer({ min: 0, max: 2 }),
          annee: fc.constantFrom('2017', '2018'),
          heures_prevues: fc.integer({ min: 0, max: 2000 }),
          critere: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      companies: fc.array(fc.record({ taille: fc.constantFrom('TPE', 'PME', 'GE'), secteur: fc.constantFrom('F', 'N') }), {
        minLength: 6,
        maxLength: 6,
      }),
      persons: fc.array(
        fc.record({
          sexe: fc.constantFrom('F', 'H', 'H'),
          tranche_age: fc.constantFrom('MOINS_26', '26_49', '50_PLUS'),
          publics: fc.uniqueArray(fc.constantFrom('RSA', 'JEUNE', 'TH', 'QPV'), { minLength: 1, maxLength: 3 }),
          qpv: fc.boolean(),
          rqth: fc.boolean(),
          situation_sortie: fc.constantFrom('EMPLOI_DURABLE', 'FORMATION', 'INCONNUE'),
        }),
        { minLength: 0, maxLength: maxPersons, size: 'max' },
      ),
      rows: fc.array(
        fc.record({
          person: fc.nat(),
          contract: fc.nat(),
          month: fc.integer({ min: 0, max: 23 }),
          heures: fc.integer({ min: 1, max: 150 }),
          type_contrat: fc.constantFrom('CDI', 'CDDI', 'CTTI', 'APPRENTISSAGE', 'PROFESSIONNALISATION'),
          type_structure: fc.constantFrom('ENTREPRISE', 'ETTI', 'EI', 'GEIQ'),
        }),
        { maxLength: maxRows, size: 'max' },
      ),
    })
    .map(({ k, contracts, companies, persons, rows }) => {
      const marches: Marche[] = contracts.map((c, i) => ({
        id_marche: `M${i}`,
        id_operation: `OP${c.operation}`,
        segment: c.segment,
        direction: c.direction,
        departement: c.departement,
        type_clause: c.type_clause,
        critere_attribution: c.critere,
        heures_prevues: c.heures_prevues,
        date_notification: `${c.annee}-01-15`,
        id_facilitateur: `F${c.facilitateur}`,
        id_titulaire: `E00${c.titulaire}`,
      }));
      const participants: Participant[] = persons.map((p, i) => ({
        id_participant: `P${String(i).padStart(3, '0')}`,
        ...p,
      }));
      const seen = new Set<string>();
      const heures: Heure[] = [];
      if (participants.length > 0) {
        for (const r of rows) {
          const id_participant = participants[r.person % participants.length]!.id_participant;
          const id_marche = marches[r.contract % marches.length]!.id_marche;
          const mois = months[r.month]!;
          const key = [id_participant, id_marche, mois, r.type_contrat, r.type_structure].join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          heures.push({
            id_participant,
            id_marche,
            mois,
            heures: r.heures,
            type_contrat: r.type_contrat,
            type_structure: r.type_structure,
          });
        }
      }
      return dataset({
        marches,
        participants,
        heures,
        entreprises: companies.map((c, i) => ({ id_entreprise: `E00${i}`, ...c })),
        meta: { seuil_secret: k },
      });
    });
}
