/**
 * A table reading packed for another thread comes back whole: typed arrays transferred once each,
 * cells sent once when they are the values, other cells (two spellings, invalid cells) as they
 * are, lists of codes frozen again, key columns without their `lookup`.
 */
import { describe, expect, it } from 'vitest';
import { packTableRead, readTableAlone, unpackTableRead, type TableRead } from '../../../src/lib/validate/index.ts';
import type { ColumnResult } from '../../../src/lib/columns/index.ts';
import { heures, marches, participants, type TableDef } from '../../../src/schemas/index.ts';
import { fixtureInput } from './fixtures.ts';

/** A reading of one table of the valid fixture, or of the given bytes. */
async function reading(def: TableDef, text?: string): Promise<TableRead> {
  const bytes = text === undefined ? fixtureInput().files[def.file]! : new TextEncoder().encode(text);
  return readTableAlone(def, bytes);
}

/** Through `postMessage`'s algorithm, buffers transferred. */
function roundTrip(r: TableRead): TableRead {
  const { message, transfer } = packTableRead(r);
  expect(new Set(transfer).size).toBe(transfer.length);
  for (const b of transfer) expect(b).toBeInstanceOf(ArrayBuffer);
  return unpackTableRead(structuredClone(message, { transfer }));
}

/** A column as plain data, `lookup` left out. */
function plain(c: ColumnResult) {
  const { lookup: _lookup, ids, rawIds, rawOfValue, ...rest } = c;
  return { ...rest, ids: [...ids], rawIds: rawIds && [...rawIds], rawOfValue: [...rawOfValue] };
}

describe('a table reading packed for another thread', () => {
  it.each([heures, marches, participants])('comes back whole: %s', async (def) => {
    const r = await reading(def);
    const expected = { read: r.read, issues: r.issues, rowLines: [...r.table!.rowLines], columns: [...r.table!.columns.values()].map(plain) };
    const back = roundTrip(r);
    expect(back.table!.def).toBe(def);
    expect({ read: back.read, issues: back.issues, rowLines: [...back.table!.rowLines], columns: [...back.table!.columns.values()].map(plain) }).toEqual(expected);
    // The buffers went to the other side.
    expect(r.table!.rowLines.length).toBe(0);
  });

  it('sends the cells of a column once when they are its values, and keeps other spellings and invalid cells', async () => {
    const text =
      'id_participant;sexe;tranche_age;niveau_formation;publics;qpv;rqth;situation_sortie\n' +
      'P001;F;26_49;V;DELD;non;non;EMPLOI_DURABLE\n' +
      'p002;H;26_49;V;DELD|RSA;oui;non;EMPLOI_DURABLE\n' +
      'P003;X;26_49;V;RSA|DELD;non;non;EMPLOI_DURABLE\n';
    const r = await reading(participants, text);
    const { message } = packTableRead(r);
    const sent = new Map(message.table!.columns.map((c) => [c.name, c.rawDistinct]));
    expect(sent.get('tranche_age')).toBe('values');
    expect(sent.get('id_participant')).toEqual(['', 'P001', 'p002', 'P003']); // p002 is P002
    expect(sent.get('sexe')).toEqual(['', 'F', 'H', 'X']); // X is invalid: no value
    const back = roundTrip(await reading(participants, text));
    const publics = back.table!.columns.get('publics')!;
    expect(publics.distinct.slice(1)).toEqual([['DELD'], ['RSA', 'DELD']]); // in the enumeration's order
    for (const v of publics.distinct.slice(1)) expect(Object.isFrozen(v)).toBe(true);
    expect(back.table!.columns.get('id_participant')!.lookup).toBeUndefined();
  });
});
