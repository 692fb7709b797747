import { expect } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { canonicalCube } from '../../../src/lib/cells/index.ts';
import { hoursDetail, type Dimension } from '../../../src/lib/indicators/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import type { Ligne } from '../../../src/lib/tables/types.ts';
import { protectionOf, rowsOf } from '../released.ts';

/**
 * Properties of the published tables, checked against an independent computation of the raw
 * (unprotected) counts: no published cell counts 1 to k−1 persons, and no hidden cell can be
 * recovered from a total or margin published in the same or a linked table.
 */

type Raw = Map<string, { personnes: number; heures: number }>;
const keyOf = (dims: readonly string[], row: Record<string, unknown>) => JSON.stringify(dims.map((d) => String(row[d])));

const raws = new WeakMap<Dataset, Map<string, Raw>>();
function raw(ds: Dataset, dims: readonly Dimension[]): Raw {
  if (!raws.has(ds)) raws.set(ds, new Map());
  const cache = raws.get(ds)!;
  const id = dims.join('|');
  if (!cache.has(id)) cache.set(id, computeRaw(ds, dims));
  return cache.get(id)!;
}

const details = new WeakMap<Dataset, Record<string, unknown>[]>();
/** The joined hour rows (`hoursDetail`) as plain objects. */
function detailRows(ds: Dataset): Record<string, unknown>[] {
  let rows = details.get(ds);
  if (!rows) details.set(ds, (rows = hoursDetail(ds).objects() as Record<string, unknown>[]));
  return rows;
}

/**
 * Hours and distinct persons by `dims`, row by row from the joined hour rows, apart from the
 * pipeline's cells: a person counts once in each of their publics (`public`).
 */
function computeRaw(ds: Dataset, dims: readonly Dimension[]): Raw {
  const sums = new Map<string, { persons: Set<unknown>; heures: number }>();
  for (const h of detailRows(ds)) {
    for (const p of dims.includes('public') ? ((h.publics ?? []) as unknown[]) : [undefined]) {
      const key = keyOf(dims, { ...h, public: p });
      const sum = sums.get(key) ?? { persons: new Set(), heures: 0 };
      sum.persons.add(h.id_participant);
      sum.heures += Number(h.heures);
      sums.set(key, sum);
    }
  }
  return new Map([...sums].map(([key, sum]) => [key, { personnes: sum.persons.size, heures: sum.heures }]));
}

const isSecret = (v: unknown) => v === 'secret';

interface Published {
  dims: Dimension[];
  rows: Ligne[];
}

function publishedCubes(ds: Dataset): Map<string, Published> {
  const out = new Map<string, Published>();
  for (const t of TABLES) {
    if (t.cubes.length !== 1 || !t.colonnes.some((c) => c.nom === 'personnes')) continue;
    const dims = canonicalCube(t.cubes[0]!);
    if (t.cle.join('|') !== t.cubes[0]!.join('|')) continue;
    out.set(dims.join('|'), { dims, rows: rowsOf(ds, t.id) });
  }
  return out;
}

interface Equation {
  where: string;
  total: Ligne | undefined;
  totalRaw: number;
  members: { row: Ligne; personnes: number }[];
}

/** Every additive relation between a published cube and its published margins. */
function equations(ds: Dataset, cubes: Map<string, Published>): Equation[] {
  const out: Equation[] = [];
  for (const { dims, rows } of cubes.values()) {
    const r = raw(ds, dims);
    const member = (row: Ligne) => ({ row, personnes: r.get(keyOf(dims, row))?.personnes ?? 0 });
    const relations: { others: Dimension[]; group: (row: Ligne) => Record<string, unknown> }[] = [];
    for (const d of dims) {
      const others = dims.filter((x) => x !== d);
      relations.push({ others, group: (row) => Object.fromEntries(others.map((o) => [o, row[o]])) });
      if (d === 'mois') {
        relations.push({
          others: canonicalCube([...others, 'annee']),
          group: (row) => ({
            ...Object.fromEntries(others.map((o) => [o, row[o]])),
            annee: String(row.mois).slice(0, 4),
          }),
        });
      }
    }
    for (const { others, group } of relations) {
      const margin = cubes.get(others.join('|'));
      if (!margin) continue;
      const rm = raw(ds, others);
      const groups = new Map<string, Ligne[]>();
      for (const row of rows) {
        const k = keyOf(others, group(row));
        groups.set(k, [...(groups.get(k) ?? []), row]);
      }
      for (const [k, members] of groups) {
        out.push({
          where: `${dims.join('×')} → ${others.join('×') || 'total'} ${k}`,
          total: margin.rows.find((m) => keyOf(others, m) === k),
          totalRaw: rm.get(k)?.personnes ?? 0,
          members: members.map(member),
        });
      }
    }
  }
  return out;
}

function checkEquation(e: Equation, k: number) {
  const hidden = e.members.filter((m) => isSecret(m.row.personnes));
  if (e.total && !isSecret(e.total.personnes)) {
    expect(hidden.length === 0 || hidden.length >= 2, `${e.where}: a single hidden cell under a published total`).toBe(true);
    if (hidden.length > 0) {
      const sum = hidden.reduce((s, m) => s + m.personnes, 0);
      expect(sum, `${e.where}: hidden cells sum to fewer than k persons`).toBeGreaterThanOrEqual(k);
    }
  } else if (e.totalRaw > 0) {
    const nonZero = e.members.filter((m) => m.personnes > 0);
    if (nonZero.length > 0) expect(hidden.length, `${e.where}: hidden total = sum of published cells`).toBeGreaterThan(0);
  }
}

/** Asserts every disclosure property on the release tables of `ds` (usable on the real sample too). */
export function checkDataset(ds: Dataset) {
  const k = ds.meta.seuil_secret;
  // 1. No published cell counts 1 to k−1 persons, in any table.
  for (const t of TABLES) {
    for (const row of rowsOf(ds, t.id)) {
      for (const c of ['personnes', 'entreprises'] as const) {
        if (c === 'entreprises' && t.id === 'synthese') continue;
        const v = row[c];
        if (c === 'personnes' && typeof v === 'number') expect(v === 0 || v >= k, `${t.id}: ${v} persons`).toBe(true);
      }
      // A hidden cell hides every measure derived from it.
      if (isSecret(row.personnes)) {
        expect(row.heures_realisees, t.id).toBe('secret');
        expect(row.etp, t.id).toBe('secret');
        if ('taux_realisation' in row) expect(row.taux_realisation, t.id).toBe('secret');
        if ('part_heures' in row) expect(row.part_heures, t.id).toBe('secret');
      }
    }
  }
  const cubes = publishedCubes(ds);
  // 2. Published values are the raw values.
  for (const { dims, rows } of cubes.values()) {
    const r = raw(ds, dims);
    for (const row of rows) {
      if (isSecret(row.personnes)) continue;
      const expected = r.get(keyOf(dims, row)) ?? { personnes: 0, heures: 0 };
      expect(row.personnes).toBe(expected.personnes);
      expect(row.heures_realisees).toBeCloseTo(expected.heures, 2);
    }
  }
  // 3. No hidden cell can be recovered from a published total or margin.
  for (const e of equations(ds, cubes)) checkEquation(e, k);

  // 3b. The contracts table publishes no figure carried out (hours, persons): a contract is one
  // company, and contracts add up to every table at once.
  for (const row of rowsOf(ds, 'marches')) for (const c of ['heures_realisees', 'personnes', 'etp', 'taux_realisation']) expect(row).not.toHaveProperty(c);

  // 4. Company breakdowns: published non-zero cells have ≥ 3 companies, none above 85 % of hours.
  const detail = detailRows(ds);
  for (const dim of ['taille_entreprise', 'secteur_entreprise'] as const) {
    for (const dims of [[dim], ['annee', dim]] as Dimension[][]) {
      const pub = cubes.get(canonicalCube(dims).join('|'));
      expect(pub).toBeDefined();
      for (const row of pub!.rows) {
        if (isSecret(row.personnes) || row.personnes === 0) continue;
        const byCompany = new Map<string, number>();
        for (const h of detail) {
          if (dims.every((d) => String(h[d]) === String(row[d]))) {
            byCompany.set(String(h.id_titulaire), (byCompany.get(String(h.id_titulaire)) ?? 0) + Number(h.heures));
          }
        }
        const hours = [...byCompany.values()];
        const total = hours.reduce((a, b) => a + b, 0);
        expect(hours.length).toBeGreaterThanOrEqual(3);
        expect(Math.max(...hours) / total).toBeLessThanOrEqual(0.85);
      }
    }
  }

  // 5. Key figures about persons: a published share leaves both its part and the rest at 0 or ≥ k.
  const figures = new Map(rowsOf(ds, 'chiffres-cles').map((r) => [r.indicateur, r.valeur]));
  const shareChecks: [string, Dimension, string][] = [
    ['part_heures_siae', 'famille_structure', 'SIAE'],
    ['part_heures_alternance', 'famille_contrat', 'ALTERNANCE'],
  ];
  for (const [id, dim] of shareChecks) {
    if (isSecret(figures.get(id)) || figures.get(id) === null) continue;
    for (const { personnes } of raw(ds, [dim]).values()) expect(personnes === 0 || personnes >= k, id).toBe(true);
  }
  for (const id of ['personnes_alternance', 'personnes_cdi', 'personnes']) {
    const v = figures.get(id);
    if (typeof v === 'number') expect(v === 0 || v >= k, id).toBe(true);
  }

  // 6. A union of hidden members is judged by the company rule from each member's hours per
  // contractor, which protect() keeps in company cells only: no group mixes the two kinds.
  const { cells } = protectionOf(ds);
  for (const g of cells.groups) {
    const kinds = new Set(g.membres.map((m) => cells.cells.get(m)?.regle).filter((r) => r !== undefined));
    expect(kinds.size, `group of ${g.total}`).toBeLessThanOrEqual(1);
  }
}
