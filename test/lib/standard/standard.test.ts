import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/index.ts';
import {
  buildStandard,
  CHANGELOG,
  exampleFolder,
  exampleMetadata,
  isSemver,
  METADATA_KEYS,
  schemaName,
  standardArchiveName,
  STANDARD_CREATED,
  STANDARD_LAST_MODIFIED,
  STANDARD_VERSION,
  type StandardSchema,
} from '../../../src/lib/standard/index.ts';
import { RULE_IDS, validateDataset } from '../../../src/lib/validate/index.ts';
import { CONTRACT_VERSION, MetadonneesSchema, TABLES, type FieldDef } from '../../../src/schemas/index.ts';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const files = buildStandard();
const text = (path: string) => {
  const bytes = files.get(`donnees/standard/${path}`);
  if (!bytes) throw new Error(`missing ${path}`);
  return decoder.decode(bytes);
};
const schemaOf = (table: string) => JSON.parse(text(`${table}/schema.json`)) as StandardSchema;
const fieldsOf = (t: (typeof TABLES)[number]) => Object.entries(t.fields as Readonly<Record<string, FieldDef>>);

describe('layout (schema.data.gouv.fr: one folder per schema)', () => {
  it('has a folder per table with schema.json, exemple-valide.csv and README.md, and the standard-wide files', () => {
    const expected = [
      'README.md',
      'CHANGELOG.md',
      'datapackage.json',
      'metadonnees/schema.json',
      'metadonnees/exemple-valide.json',
      'metadonnees/README.md',
      ...TABLES.flatMap((t) => [`${t.name}/schema.json`, `${t.name}/exemple-valide.csv`, `${t.name}/README.md`]),
      standardArchiveName(),
    ].map((p) => `donnees/standard/${p}`);
    expect([...files.keys()].sort()).toEqual(expected.sort());
    expect(standardArchiveName()).toBe(`standard-clauses-insertion-${STANDARD_VERSION}.zip`);
  });
});

describe('version', () => {
  it('is the contract version, a semantic version, and the latest CHANGELOG entry', () => {
    expect(STANDARD_VERSION).toBe(CONTRACT_VERSION);
    expect(isSemver(STANDARD_VERSION)).toBe(true);
    expect(CHANGELOG[0]!.version).toBe(STANDARD_VERSION);
    expect(CHANGELOG[0]!.date).toBe(STANDARD_LAST_MODIFIED);
    expect(STANDARD_CREATED <= STANDARD_LAST_MODIFIED).toBe(true);
  });

  it('lists versions newest first, each a semantic version with an ISO date', () => {
    const key = (v: string) => v.split('.').map(Number);
    for (const [i, e] of CHANGELOG.entries()) {
      expect(isSemver(e.version)).toBe(true);
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const next = CHANGELOG[i + 1];
      if (next) {
        const [a, b] = [key(e.version), key(next.version)];
        expect(a[0]! * 1e6 + a[1]! * 1e3 + a[2]! > b[0]! * 1e6 + b[1]! * 1e3 + b[2]!).toBe(true);
        expect(e.date >= next.date).toBe(true);
      }
    }
    const changelog = text('CHANGELOG.md');
    for (const e of CHANGELOG) expect(changelog).toContain(`## Version ${e.version} - ${e.date}`);
  });
});

/** Table Schema v2 types of our fields and the constraints each type accepts. */
const CONSTRAINTS_BY_TYPE: Record<string, readonly string[]> = {
  string: ['required', 'unique', 'enum', 'pattern', 'minLength', 'maxLength'],
  number: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  integer: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  date: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  yearmonth: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  boolean: ['required', 'unique', 'enum'],
  list: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
};

const isUrl = (s: unknown) => typeof s === 'string' && /^https:\/\/[^\s]+$/.test(s);
const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

describe.each(TABLES.map((t) => [t.name, t] as const))('%s/schema.json', (name, def) => {
  const schema = schemaOf(name);

  it('carries the catalogue metadata keys', () => {
    expect(schema.$schema).toMatch(/^https:\/\/.*table-?schema\.json$/);
    expect(schema.name).toBe(schemaName(name));
    expect(schema.title).toContain(def.title.fr);
    expect(schema.description.length).toBeGreaterThan(20);
    expect(schema.keywords.length).toBeGreaterThan(0);
    expect(schema.countryCode).toBe('FR');
    expect(isUrl(schema.homepage)).toBe(true);
    expect(schema.path).toMatch(new RegExp(`^https://.*/donnees/standard/${name}/schema\\.json$`));
    expect(schema.resources).toEqual([
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      expect.objectContaining({ name: 'exemple-valide', path: expect.stringMatching(new RegExp(`/donnees/standard/${name}/exemple-valide\\.csv$`)) }),
    ]);
    for (const s of schema.sources) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(isUrl(s.path)).toBe(true);
    }
    expect(isDate(schema.created) && isDate(schema.lastModified)).toBe(true);
    expect(schema.created).toBe(STANDARD_CREATED);
    expect(schema.lastModified).toBe(STANDARD_LAST_MODIFIED);
    expect(schema.version).toBe(STANDARD_VERSION);
    // The author is whoever publishes this copy (the site's main publisher), never a name in the code.
    expect(schema.contributors).toBeUndefined();
    const signed = JSON.parse(new TextDecoder().decode(buildStandard({ author: 'Département de Test' }).get(`donnees/standard/${name}/schema.json`))) as StandardSchema;
    expect(signed.contributors).toEqual([{ title: 'Département de Test', organisation: 'Département de Test', role: 'author' }]);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(schema.licenses).toEqual([expect.objectContaining({ name: 'etalab-2.0', path: expect.stringMatching(/^https:/) })]);
  });

  it('is a valid Table Schema: fields, types, constraints, keys', () => {
    const names = schema.fields.map((f) => f.name);
    expect(names).toEqual(Object.keys(def.fields));
    for (const f of schema.fields) {
      const allowed = CONSTRAINTS_BY_TYPE[f.type];
      expect(allowed, `${f.name}: type ${f.type}`).toBeDefined();
      expect(f.format ?? 'default').toBe('default');
      for (const k of Object.keys(f.constraints)) expect(allowed, `${f.name}: ${k} on ${f.type}`).toContain(k);
      expect(typeof f.constraints.required).toBe('boolean');
      expect(f.constraints.required).toBe((def.fields as Record<string, FieldDef>)[f.name]!.required);
      if (f.constraints.pattern) expect(() => new RegExp(f.constraints.pattern!, 'u')).not.toThrow();
      if (f.categories) {
        // Same set (the enum's order is zod's: integer-like codes such as départements come first).
        expect(f.categories.map((c) => c.value).sort()).toEqual([...f.constraints.enum!].sort());
        for (const c of f.categories) expect(c.label && c.label_en).toBeTruthy();
      }
      if (f.type === 'list') {
        expect(f.delimiter).toBe('|');
        expect(f.itemType).toBe('string');
        expect(f.itemCategories?.length).toBeGreaterThan(0);
      }
      if (f.type === 'boolean') expect(f.trueValues!.length > 0 && f.falseValues!.length > 0).toBe(true);
      expect(f.title && f.title_en && f.description && f.description_en).toBeTruthy();
    }
    expect(schema.missingValues).toEqual(['']);
    expect(schema.primaryKey.length).toBeGreaterThan(0);
    for (const k of schema.primaryKey) expect(names).toContain(k);
    if (schema.foreignKeys) expect(schema.foreignKeys.length).toBeGreaterThan(0);
    const resources = (JSON.parse(text('datapackage.json')) as { resources: { name: string; schema: string }[] }).resources;
    for (const fk of schema.foreignKeys ?? []) {
      for (const k of fk.fields) expect(names).toContain(k);
      const target = resources.find((r) => r.name === fk.reference.resource);
      expect(target, `resource ${fk.reference.resource}`).toBeDefined();
      const targetFields = (JSON.parse(text(target!.schema)) as StandardSchema).fields.map((f) => f.name);
      for (const k of fk.reference.fields) expect(targetFields).toContain(k);
    }
  });

  it('has a valid example that conforms to the schema itself (types, required, enum, pattern, bounds)', () => {
    const csv = parseCsv(text(`${name}/exemple-valide.csv`).replace(/^\uFEFF/, ''));
    expect(csv.issues).toEqual([]);
    expect(csv.delimiter).toBe(',');
    expect(csv.header).toEqual(schema.fields.map((f) => f.name));
    expect(csv.rowCount).toBeGreaterThan(0);
    for (const [j, f] of schema.fields.entries()) {
      for (const cell of csv.columns[j]!) {
        expect(tableSchemaProblems(f, cell), `${f.name} = ${cell}`).toEqual([]);
        expect(f.example, `${f.name}: schema example = example file`).toBe(cell);
      }
    }
  });
});

/** What a Table Schema validator would say about one cell (only what our fields use). */
function tableSchemaProblems(f: StandardSchema['fields'][number], cell: string): string[] {
  const c = f.constraints;
  if (cell === '') return c.required ? ['required'] : [];
  const problems: string[] = [];
  let num: number | undefined;
  switch (f.type) {
    case 'integer':
      if (!/^-?\d+$/.test(cell)) problems.push('integer');
      num = Number(cell);
      break;
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(cell)) problems.push('number');
      num = Number(cell);
      break;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cell) || Number.isNaN(Date.parse(cell))) problems.push('date');
      break;
    case 'yearmonth':
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cell)) problems.push('yearmonth');
      break;
    case 'boolean':
      if (![...f.trueValues!, ...f.falseValues!].includes(cell)) problems.push('boolean');
      break;
    case 'list': {
      const items = cell.split(f.delimiter!);
      const allowed = (f.itemCategories ?? []).map((x) => x.value);
      for (const item of items) if (!allowed.includes(item)) problems.push(`item ${item}`);
      if (c.minLength !== undefined && items.length < c.minLength) problems.push('minLength');
      break;
    }
  }
  if (c.enum && !c.enum.includes(cell)) problems.push('enum');
  if (c.pattern && !new RegExp(c.pattern, 'u').test(cell)) problems.push('pattern');
  if (f.type === 'string' && c.maxLength !== undefined && [...cell].length > c.maxLength) problems.push('maxLength');
  if (f.type === 'string' && c.minLength !== undefined && [...cell].length < c.minLength) problems.push('minLength');
  if (num !== undefined) {
    if (c.minimum !== undefined && num < c.minimum) problems.push('minimum');
    if (c.maximum !== undefined && num > c.maximum) problems.push('maximum');
    if (c.exclusiveMinimum !== undefined && num <= c.exclusiveMinimum) problems.push('exclusiveMinimum');
    if (c.exclusiveMaximum !== undefined && num >= c.exclusiveMaximum) problems.push('exclusiveMaximum');
  }
  return problems;
}

describe('examples', () => {
  it('the six example files and the example metadata pass our own validator, without any warning', async () => {
    const folder = Object.fromEntries(TABLES.map((t) => [t.file, files.get(`donnees/standard/${t.name}/exemple-valide.csv`)!]));
    const meta = text('metadonnees/exemple-valide.json');
    const result = await validateDataset({ publisher: 'exemple', meta, files: folder });
    expect(result.report.errorCount).toBe(0);
    expect(result.report.warningCount).toBe(0);
    expect(result.ok).toBe(true);
    expect(result.dataset!.heures.numRows()).toBe(1);
  });

  it('exampleFolder() is what is published', () => {
    for (const t of TABLES) expect(exampleFolder()[t.file]).toBe(text(`${t.name}/exemple-valide.csv`));
    expect(JSON.parse(text('metadonnees/exemple-valide.json'))).toEqual(exampleMetadata());
  });
});

describe('metadata', () => {
  const jsonSchema = JSON.parse(text('metadonnees/schema.json')) as {
    $schema: string;
    version: string;
    properties: Record<string, { description?: string; description_en?: string }>;
    required: string[];
  };

  it('the example passes MetadonneesSchema', () => {
    expect(MetadonneesSchema.safeParse(exampleMetadata()).success).toBe(true);
  });

  it('describes exactly the keys of MetadonneesSchema, with the same required flags', () => {
    expect(Object.keys(METADATA_KEYS).sort()).toEqual(Object.keys(MetadonneesSchema.shape).sort());
    expect(Object.keys(jsonSchema.properties).sort()).toEqual(Object.keys(METADATA_KEYS).sort());
    for (const [k, m] of Object.entries(METADATA_KEYS)) {
      expect(jsonSchema.required.includes(k), k).toBe(m.required);
      expect(jsonSchema.properties[k]!.description).toBe(m.description.fr);
      expect(jsonSchema.properties[k]!.description_en).toBe(m.description.en);
    }
    expect(jsonSchema.$schema).toMatch(/json-schema\.org/);
    expect(jsonSchema.version).toBe(STANDARD_VERSION);
    expect(JSON.stringify(jsonSchema)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it('README lists every key in both languages', () => {
    const readme = text('metadonnees/README.md');
    const [fr, en] = readme.split('# English');
    for (const k of Object.keys(METADATA_KEYS)) {
      expect(fr).toContain(`| \`${k}\` |`);
      expect(en).toContain(`| \`${k}\` |`);
    }
  });
});

describe('READMEs', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))('%s/README.md lists every field of the zod schema, with its type, requirement and allowed values, in French then English', (name, def) => {
    const readme = text(`${name}/README.md`);
    const parts = readme.split('\n# English\n');
    expect(parts).toHaveLength(2);
    const [fr, en] = parts as [string, string];
    for (const [column, f] of fieldsOf(def)) {
      const frRow = fr.split('\n').find((l) => l.startsWith(`| \`${column}\` |`));
      const enRow = en.split('\n').find((l) => l.startsWith(`| \`${column}\` |`));
      expect(frRow, `${column} (fr)`).toBeDefined();
      expect(enRow, `${column} (en)`).toBeDefined();
      expect(frRow).toContain(`| ${f.required ? 'oui' : 'non'} |`);
      expect(enRow).toContain(`| ${f.required ? 'yes' : 'no'} |`);
      expect(frRow).toContain(f.title.fr.replace(/\|/g, '\\|'));
      expect(enRow).toContain(f.title.en.replace(/\|/g, '\\|'));
      for (const v of f.values ?? []) {
        expect(fr).toContain(`| \`${v.code}\` | ${v.fr.replace(/\|/g, '\\|')} |`);
        expect(en).toContain(`| \`${v.code}\` | ${v.en.replace(/\|/g, '\\|')} |`);
      }
    }
    expect(fr).toContain(def.description.fr);
    expect(en).toContain(def.description.en);
  });

  it('the standard README names the tables, the metadata file, the accepted forms, every validation rule and how to check files', () => {
    const readme = text('README.md');
    const [fr, en] = readme.split('\n# English\n') as [string, string];
    for (const part of [fr, en]) {
      for (const t of TABLES) expect(part).toContain(`(${t.name}/README.md)`);
      expect(part).toContain('metadonnees.json');
      expect(part).toContain('Windows-1252');
      expect(part).toContain('`RSA|QPV`');
      expect(part).toContain('npm run validate');
      for (const id of RULE_IDS) expect(part).toContain(`| \`${id}\` |`);
    }
    expect(fr).toContain('« Vérifier vos fichiers »');
    expect(en).toContain('"Check your files"');
    expect(fr).toContain(`version ${STANDARD_VERSION}`);
  });
});

describe('determinism and archive', () => {
  it('two builds are byte-identical', () => {
    const again = buildStandard();
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, bytes] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('the zip holds every file of the standard, byte for byte, in one folder', () => {
    const zip = unzipSync(files.get(`donnees/standard/${standardArchiveName()}`)!);
    const folder = `standard-clauses-insertion-${STANDARD_VERSION}/`;
    const inside = [...files.keys()].filter((p) => !p.endsWith('.zip')).map((p) => p.replace('donnees/standard/', folder));
    expect(Object.keys(zip).sort()).toEqual(inside.sort());
    for (const [path, bytes] of Object.entries(zip)) {
      const original = files.get(path.replace(folder, 'donnees/standard/'))!;
      expect(Buffer.from(bytes).equals(Buffer.from(original)), path).toBe(true);
    }
  });

  it('a base URL option moves every absolute link', () => {
    const other = buildStandard({ baseUrl: 'https://donnees.example.fr/clauses' });
    const schema = JSON.parse(decoder.decode(other.get('donnees/standard/marches/schema.json'))) as StandardSchema;
    expect(schema.homepage).toBe('https://donnees.example.fr/clauses/');
    expect(schema.path).toBe('https://donnees.example.fr/clauses/donnees/standard/marches/schema.json');
    expect(schema.resources[0]!.path).toBe('https://donnees.example.fr/clauses/donnees/standard/marches/exemple-valide.csv');
  });
});
