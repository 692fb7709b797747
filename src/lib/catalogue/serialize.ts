/**
 * The catalogue's triples in the three syntaxes data.gouv.fr's DCAT harvester reads: Turtle
 * (written by N3.js's Writer), JSON-LD and RDF/XML (written here: one flat node per subject, every
 * property a prefixed name of vocabulary.ts, so both are short). Tests parse each with an
 * independent RDF parser and compare the graphs (test/lib/catalogue/catalogue.test.ts).
 */
import { Writer, type Quad, type Term } from 'n3';
import { catalogueQuads } from './graph.ts';
import type { CatalogueInput } from './input.ts';
import { NS, type Prefix } from './vocabulary.ts';

const XSD_STRING = `${NS.xsd}string`;
const RDF_TYPE = `${NS.rdf}type`;
const RDF_LANG_STRING = `${NS.rdf}langString`;

/** `dcat:Dataset` for an IRI of a known namespace (whose local part is a plain name), else undefined. */
function compact(value: string): { prefix: Prefix; local: string } | undefined {
  for (const [prefix, ns] of Object.entries(NS) as [Prefix, string][]) {
    if (value.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(value.slice(ns.length))) return { prefix, local: value.slice(ns.length) };
  }
  return undefined;
}
const qname = (value: string) => {
  const c = compact(value);
  if (!c) throw new Error(`Catalogue : propriété hors des vocabulaires connus / unknown property: ${value}`);
  return `${c.prefix}:${c.local}`;
};

/** Triples grouped by subject, subjects in first-seen order. */
function bySubject(quads: readonly Quad[]): Map<Term, Quad[]> {
  const groups = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const g = groups.get(key) ?? { subject: q.subject, quads: [] };
    g.quads.push(q);
    groups.set(key, g);
  }
  return new Map([...groups.values()].map((g) => [g.subject, g.quads]));
}

/** Turtle. */
export function toTurtle(quads: readonly Quad[]): string {
  const writer = new Writer({ prefixes: { ...NS } });
  // One block per subject: its triples together.
  writer.addQuads([...bySubject(quads).values()].flat());
  let out = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

/** JSON-LD: a context of the prefixes and one flat node per subject in `@graph`. */
export function toJsonLd(quads: readonly Quad[]): string {
  const ref = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  const value = (o: Term): unknown => {
    if (o.termType !== 'Literal') return { '@id': ref(o) };
    const lit = o as Term & { language: string; datatype: { value: string } };
    if (lit.language) return { '@value': lit.value, '@language': lit.language };
    if (lit.datatype.value === XSD_STRING) return lit.value;
    return { '@value': lit.value, '@type': qname(lit.datatype.value) };
  };
  const graph = [...bySubject(quads)].map(([subject, qs]) => {
    const node: Record<string, unknown> = { '@id': ref(subject) };
    const types = qs.filter((q) => q.predicate.value === RDF_TYPE).map((q) => qname(q.object.value));
    if (types.length) node['@type'] = types.length === 1 ? types[0] : types;
    for (const q of qs) {
      if (q.predicate.value === RDF_TYPE) continue;
      const key = qname(q.predicate.value);
      const v = value(q.object);
      const prev = node[key];
      node[key] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as unknown[]), v] : [prev, v];
    }
    return node;
  });
  return `${JSON.stringify({ '@context': { ...NS }, '@graph': graph }, null, 2)}\n`;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;');

/** RDF/XML: one `rdf:Description` per subject. */
export function toRdfXml(quads: readonly Quad[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rdf:RDF${Object.entries(NS)
      .map(([p, ns]) => `\n    xmlns:${p}="${xmlAttr(ns)}"`)
      .join('')}>`,
  ];
  const node = (t: Term) => (t.termType === 'BlankNode' ? `rdf:nodeID="${xmlAttr(t.value)}"` : `rdf:about="${xmlAttr(t.value)}"`);
  for (const [subject, qs] of bySubject(quads)) {
    lines.push(`  <rdf:Description ${node(subject)}>`);
    for (const q of qs) {
      const name = qname(q.predicate.value);
      const o = q.object;
      if (o.termType === 'NamedNode') lines.push(`    <${name} rdf:resource="${xmlAttr(o.value)}"/>`);
      else if (o.termType === 'BlankNode') lines.push(`    <${name} rdf:nodeID="${xmlAttr(o.value)}"/>`);
      else {
        const lit = o as Term & { language: string; datatype: { value: string } };
        const attrs = lit.language
          ? ` xml:lang="${xmlAttr(lit.language)}"`
          : lit.datatype.value === XSD_STRING || lit.datatype.value === RDF_LANG_STRING
            ? ''
            : ` rdf:datatype="${xmlAttr(lit.datatype.value)}"`;
        lines.push(`    <${name}${attrs}>${xmlText(lit.value)}</${name}>`);
      }
    }
    lines.push('  </rdf:Description>');
  }
  lines.push('</rdf:RDF>', '');
  return lines.join('\n');
}

/** Where the catalogue is published, and in which syntax. */
export const CATALOGUE_FILES = {
  'donnees/catalogue.ttl': toTurtle,
  'donnees/catalogue.jsonld': toJsonLd,
  'donnees/catalogue.rdf': toRdfXml,
} as const;

/** The catalogue's files: path → text. */
export function catalogueFiles(input: CatalogueInput): Map<string, string> {
  const quads = catalogueQuads(input);
  return new Map(Object.entries(CATALOGUE_FILES).map(([path, write]) => [path, write(quads)]));
}
