/**
 * Invisible control characters in text cells and metadata (issue 6): each refused character is
 * named as U+XXXX with its position, and the value is printed with it spelled out.
 */
import { describe, expect, it } from 'vitest';
import { checkCell } from '../../../src/lib/validate/check-cell.ts';
import { findControl, showControls } from '../../../src/lib/validate/controls.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { marches, operations, participants } from '../../../src/schemas/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureInput, VALID } from './fixtures.ts';

describe('findControl', () => {
  it('refuses C0 (but tab, LF, CR), DEL, C1, line/paragraph separators and bidi controls', () => {
    for (const code of [0x00, 0x07, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069]) {
      const c = String.fromCharCode(code);
      expect(findControl(`ab${c}c`), code.toString(16)).toEqual({ char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position: 3 });
    }
  });

  it('accepts tab, line breaks and ordinary text, accents, typographic spaces and marks', () => {
    for (const text of ['a\tb', 'a\nb\r\nc', 'Lycée — œuvre « x » € ’', 'a\u00a0b\u202fc', 'a\u200bb', 'a\u200eb', 'ﺍﻟﻌﺮﺑﻴﺔ']) {
      expect(findControl(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('spells every refused character out for the report', () => {
    expect(showControls('a\u202eb\u0000c')).toBe('a<U+202E>b<U+0000>c');
  });
});

describe('texte.caractere_controle', () => {
  it('applies to text kinds (labels, ids, pseudonyms, codes, lists), not to numbers or dates', () => {
    const rule = { ok: false, rule: 'texte.caractere_controle' };
    expect(checkCell(operations.fields.nom_operation, 'Lycée\u2066x')).toMatchObject({ ...rule, params: { char: 'U+2066', position: 6 }, shown: 'Lycée<U+2066>x' });
    expect(checkCell(marches.fields.id_marche, 'M1\u0007')).toMatchObject(rule);
    expect(checkCell(participants.fields.id_participant, 'P0\u009d01')).toMatchObject(rule);
    expect(checkCell(marches.fields.segment, 'TRAVAUX\u202c')).toMatchObject(rule);
    expect(checkCell(participants.fields.publics, 'RSA|\u0085QPV')).toMatchObject(rule);
    expect(checkCell(marches.fields.montant, '12\u0000')).toEqual({ ok: false, rule: 'nombre.format' });
  });

  it('finds C0 controls inside quoted cells, and C1 controls decoded from Windows-1252', async () => {
    const { meta, files } = fixtureInput();
    const text = 'id_operation;nom_operation;departement\nOP-01;"Lycée\u0001 ; \ttab ok\nligne 2";44\nOP-02;Lycée\x81;49\n';
    // Windows-1252: é is 0xE9 and 0x81 (unassigned) decodes to the C1 control U+0081.
    const bytes = Uint8Array.from(text, (c) => (c === 'é' ? 0xe9 : c.charCodeAt(0)));
    const { ok, report } = await validateDataset({ publisher: 'valide', meta, files: { ...files, 'operations.csv': bytes }, partial: true });
    expect(ok).toBe(false);
    const found = report.issues.filter((i) => i.rule === 'texte.caractere_controle');
    expect(found.map((i) => [i.line, i.column, i.value, i.message.en])).toEqual([
      [2, 'nom_operation', 'Lycée<U+0001> ; \ttab ok\nligne 2', 'Invisible character U+0001 (position 6) is not allowed in text: remove it or replace it with a space.'],
      [4, 'nom_operation', 'Lycée<U+0081>', 'Invisible character U+0081 (position 6) is not allowed in text: remove it or replace it with a space.'],
    ]);
  });
});

describe('metadata source links', () => {
  it('accept web addresses only: a javascript: or data: URL is refused with the field named', async () => {
    const { MetadonneesSchema } = await import('../../../src/schemas/metadonnees.ts');
    const VALID_META = JSON.parse(readFileSync(join(VALID, 'metadonnees.json'), 'utf8')) as object;
    const base = { titre: 'Bilan' };
    const sources = (url: string) => ({ sources: [{ ...base, url }] });
    const check = (url: string) => {
      const parsed = MetadonneesSchema.safeParse({ ...VALID_META, ...sources(url) });
      return parsed.success ? 'ok' : parsed.error.issues.map((i) => i.path.join('.')).join(',');
    };
    expect(check('https://www.paysdelaloire.fr/bilan.pdf')).toBe('ok');
    expect(check('http://example.org/')).toBe('ok');
    expect(check('javascript:alert(1)')).toBe('sources.0.url');
    expect(check('data:text/html,<script>alert(1)</script>')).toBe('sources.0.url');
  });
});
