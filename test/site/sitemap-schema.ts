/**
 * Validates a sitemap against the sitemaps.org 0.9 XML schema, as shipped by the `sitemap` npm
 * package (the schema file itself, unchanged), plus the XHTML link element of language alternates
 * (test/fixtures/xsd/). The validator is libxml2's, compiled to WebAssembly (xmllint-wasm): the
 * reference XSD implementation of xmllint, with no native build, no Java and no network.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);
/** The package's schema folder (not in its `exports`: found beside its package.json). */
const SITEMAP_XSD = join(dirname(require.resolve('sitemap/package.json')), 'schema', 'sitemap.xsd');
const file = (fileName: string, path: string) => ({ fileName, contents: readFileSync(path, 'utf8') });

/** The schema errors of a sitemap (empty: valid). */
export async function sitemapErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'sitemap.xml', contents: xml },
    schema: file('sitemap-hreflang.xsd', 'test/fixtures/xsd/sitemap-hreflang.xsd'),
    preload: [file('sitemap.xsd', SITEMAP_XSD), file('xhtml-link.xsd', 'test/fixtures/xsd/xhtml-link.xsd')],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
