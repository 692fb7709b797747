/**
 * The fixture publication (test/fixtures/publication) is a release as the writer writes it, not a
 * version of its own: every file it lists parses with the release schema (src/schemas/release.ts),
 * strictly where the writer is strict — each table's JSON, and each CSV cell as its column's type.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellSchema, isTabular, ReleaseDatapackageSchema, ReleaseTableJsonSchema } from '../../src/schemas/release.ts';

const DIR = join(import.meta.dirname, '../fixtures/publication/donnees/pays-de-la-loire');
const read = (file: string) => readFileSync(join(DIR, file));

describe('the fixture publication follows the release schema', () => {
  const datapackage = ReleaseDatapackageSchema.parse(JSON.parse(read('datapackage.json').toString('utf8')));
  const tables = datapackage.resources.filter(isTabular);

  it('lists its tables in a datapackage.json of the release format', () => {
    expect(tables.length).toBeGreaterThan(0);
    expect(datapackage).not.toHaveProperty('editeur');
  });

  it.each(tables.map((r) => [r.name, r] as const))('%s: JSON, CSV, size and hash as the data package says', (_, r) => {
    const csv = read(r.path);
    expect(csv.length).toBe(r.bytes);
    expect(`sha256:${createHash('sha256').update(csv).digest('hex')}`).toBe(r.hash);
    const json = ReleaseTableJsonSchema.parse(JSON.parse(read(r.path.replace(/\.csv$/, '.json')).toString('utf8')));
    expect(json.id).toBe(r.name);
    expect(json.colonnes.map((c) => [c.nom, c.type])).toEqual(r.schema.fields.map((f) => [f.name, f.type]));
    const [header, ...lines] = csv
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
    expect(header!.split(',')).toEqual(r.schema.fields.map((f) => f.name));
    expect(lines.length).toBe(json.lignes.length);
    const cells = r.schema.fields.map((f) => cellSchema(f.type));
    // Cells without quotes (the fixture's labels hold no comma) read back as the JSON's values.
    lines.forEach((line, i) => {
      if (line.includes('"')) return;
      const values = line.split(',').map((text, j) => cells[j]!.parse(text));
      expect(values, `${r.path}:${i + 2}`).toEqual(r.schema.fields.map((f) => json.lignes[i]![f.name]));
    });
  });
});
