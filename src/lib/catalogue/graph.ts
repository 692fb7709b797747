/**
 * The DCAT catalogue of the site as RDF triples (DCAT-AP 3 with the properties data.gouv.fr's
 * harvester reads), one `dcat:Dataset` per publisher release and one `dcat:Distribution` per
 * published file. Serialised by serialize.ts (Turtle, JSON-LD, RDF/XML). Pure.
 *
 * Addresses (`S` = the site):
 * - catalogue `S/donnees/#catalogue`;
 * - a publisher's releases: the series `S/donnees/<editeur>/` (the unversioned address, always the
 *   latest), each release `S/donnees/<editeur>/<version>/` (`dcat:inSeries` the series,
 *   `dcat:previousVersion` the release before it, `dcat:version`);
 * - a file of a release: downloaded at `S/donnees/<editeur>/<version>/<file>` (never changes: its
 *   size and SHA-256 hold for ever); the current release's files are also reached at the
 *   unversioned address `S/donnees/<editeur>/<file>` (`dcat:accessURL`).
 *
 * Blank nodes only for values (period, checksum, place, contact): data.gouv.fr's harvester fetches
 * a period of time given as an address.
 */
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { DATASET_TITLE, LICENCE, RELEASE_DOCUMENTS } from '../release/documents.ts';
import { latestDir, versionDir } from '../release/versions.ts';
import type { ReleaseResource } from '../../schemas/release.ts';
import type { CatalogueFile, CatalogueInput, CataloguePublisher, CatalogueRelease } from './input.ts';
import { EU_ACCESS_PUBLIC, EU_LANGUAGE_FR, EU_THEME_ECONOMY, formatOf, frequencyIri, NS, SPDX_SHA256, type Prefix } from './vocabulary.ts';
import type { Bilingual } from '../lang.ts';

// n3 documents this destructuring; its factory functions do not use `this` (the types declare them as methods).
// eslint-disable-next-line @typescript-eslint/unbound-method
const { namedNode, literal, blankNode, quad } = DataFactory;

/** Blank nodes named in the order they are made, so that the same input gives the same bytes. */
let blanks = 0;
const bnode = () => blankNode(`b${blanks++}`);

const iri = (prefix: Prefix, local: string) => namedNode(`${NS[prefix]}${local}`);
const typed = (value: string, type: string) => literal(value, iri('xsd', type));
const text = (value: string, lang: 'fr' | 'en') => literal(value, lang);

/** Titles of the files that are not tables. */
const DOCUMENTS: Record<string, Bilingual> = RELEASE_DOCUMENTS;
const WORKBOOK: Bilingual = { fr: 'Toutes les tables dans un classeur', en: 'Every table in one workbook' };
const ARCHIVE: Bilingual = { fr: 'Tous les fichiers de la version', en: 'Every file of the release' };

/** The catalogue's own description. */
export const CATALOGUE_TITLE: Bilingual = {
  fr: `${DATASET_TITLE.fr} — catalogue des données ouvertes`,
  en: `${DATASET_TITLE.en} — open data catalogue`,
};

/** Addresses of the catalogue's resources under the site `S`. */
export function catalogueAddresses(siteUrl: string) {
  const at = (path: string) => new URL(path, siteUrl).href;
  return {
    catalogue: at('donnees/#catalogue'),
    series: (id: string) => at(`${latestDir(id)}/`),
    release: (id: string, version: string) => at(`${versionDir(id, version)}/`),
    file: (id: string, version: string | undefined, name: string) => at(`${version ? versionDir(id, version) : latestDir(id)}/${encodeURIComponent(name)}`),
    publisher: (id: string) => at(`editeurs/${id}/#editeur`),
    page: (id: string) => at(`editeurs/${id}/`),
  };
}

/** The first web address and e-mail address in a contact line. */
function contactLinks(contact: string): { url?: string; email?: string } {
  const url = /https?:\/\/[^\s<>"]+/.exec(contact)?.[0]?.replace(/[.,;)]+$/, '');
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(contact)?.[0];
  return { ...(url ? { url } : {}), ...(email ? { email } : {}) };
}

const byDate = (a: CatalogueRelease, b: CatalogueRelease) =>
  a.datapackage.created < b.datapackage.created ? -1 : a.datapackage.created > b.datapackage.created ? 1 : a.datapackage.version < b.datapackage.version ? -1 : 1;

/** Every triple of the catalogue. */
export function catalogueQuads(input: CatalogueInput): Quad[] {
  const out: Quad[] = [];
  blanks = 0;
  const add = (s: Quad_Subject, p: ReturnType<typeof iri>, o: Quad_Object) => out.push(quad(s, p, o));
  const a = catalogueAddresses(input.siteUrl);
  const catalogue = namedNode(a.catalogue);
  const licence = namedNode(LICENCE.path);

  add(catalogue, iri('rdf', 'type'), iri('dcat', 'Catalog'));
  add(catalogue, iri('dct', 'title'), text(CATALOGUE_TITLE.fr, 'fr'));
  add(catalogue, iri('dct', 'title'), text(CATALOGUE_TITLE.en, 'en'));
  add(
    catalogue,
    iri('dct', 'description'),
    text("Données agrégées et protégées (secret statistique) des clauses d'insertion de la commande publique : une fiche par version publiée de chaque éditeur.", 'fr'),
  );
  add(catalogue, iri('dct', 'description'), text('Aggregated, disclosure-controlled data on insertion clauses in public procurement: one record per published release of each publisher.', 'en'));
  add(catalogue, iri('foaf', 'homepage'), namedNode(input.siteUrl));
  add(catalogue, iri('dct', 'language'), namedNode(EU_LANGUAGE_FR));
  add(catalogue, iri('dct', 'license'), licence);
  add(licence, iri('rdf', 'type'), iri('dct', 'LicenseDocument'));
  add(licence, iri('dct', 'title'), text(LICENCE.title, 'fr'));
  add(licence, iri('dct', 'identifier'), literal(LICENCE.name));
  const dates = input.publishers.flatMap((p) => p.releases.map((r) => r.datapackage.created.slice(0, 10))).sort();
  if (dates.length) add(catalogue, iri('dct', 'modified'), typed(dates.at(-1)!, 'date'));
  // The main (first) publisher publishes the catalogue.
  if (input.publishers[0]) add(catalogue, iri('dct', 'publisher'), namedNode(a.publisher(input.publishers[0].id)));

  for (const p of input.publishers) publisherQuads(p, a, add, catalogue, licence);
  return out;
}

type Addresses = ReturnType<typeof catalogueAddresses>;
type Add = (s: Quad_Subject, p: ReturnType<typeof iri>, o: Quad_Object) => void;

function publisherQuads(p: CataloguePublisher, a: Addresses, add: Add, catalogue: Quad_Subject, licence: Quad_Object) {
  const releases = [...p.releases].sort(byDate);
  const current = releases.find((r) => r.datapackage.version === p.current);
  if (!current) throw new Error(`Catalogue : version courante ${p.current} absente des versions de ${p.id}`);
  const dp = current.datapackage;
  const nom = dp.contributors.find((c) => c.role === 'publisher')?.title ?? dp.contributors[0]!.title;

  const agent = namedNode(a.publisher(p.id));
  add(agent, iri('rdf', 'type'), iri('foaf', 'Organization'));
  add(agent, iri('rdf', 'type'), iri('foaf', 'Agent'));
  add(agent, iri('foaf', 'name'), text(nom, 'fr'));
  add(agent, iri('foaf', 'homepage'), namedNode(a.page(p.id)));

  const series = namedNode(a.series(p.id));
  add(series, iri('rdf', 'type'), iri('dcat', 'DatasetSeries'));
  add(series, iri('dct', 'title'), text(`${DATASET_TITLE.fr} — ${nom}`, 'fr'));
  add(series, iri('dct', 'title'), text(`${DATASET_TITLE.en} — ${nom}`, 'en'));
  add(series, iri('dct', 'description'), text(`Toutes les versions publiées ; cette adresse sert toujours la dernière (${dp.version}).`, 'fr'));
  add(series, iri('dct', 'description'), text(`Every published release; this address always serves the latest (${dp.version}).`, 'en'));
  add(series, iri('dct', 'publisher'), agent);
  add(series, iri('dct', 'accrualPeriodicity'), namedNode(frequencyIri(dp.frequence)));
  add(series, iri('dcat', 'first'), namedNode(a.release(p.id, releases[0]!.datapackage.version)));
  add(series, iri('dcat', 'last'), namedNode(a.release(p.id, dp.version)));

  releases.forEach((r, i) => {
    const isCurrent = r === current;
    const v = r.datapackage;
    const ds = namedNode(a.release(p.id, v.version));
    add(catalogue, iri('dcat', 'dataset'), ds);
    add(ds, iri('rdf', 'type'), iri('dcat', 'Dataset'));
    add(ds, iri('dct', 'identifier'), literal(a.release(p.id, v.version)));
    add(ds, iri('dct', 'title'), text(`${v.title} (version ${v.version})`, 'fr'));
    if (v.title_en) add(ds, iri('dct', 'title'), text(`${v.title_en} (release ${v.version})`, 'en'));
    add(ds, iri('dct', 'description'), text(v.description, 'fr'));
    if (v.description_en) add(ds, iri('dct', 'description'), text(v.description_en, 'en'));
    add(ds, iri('dct', 'issued'), typed(v.created.slice(0, 10), 'date'));
    add(ds, iri('dct', 'modified'), typed(v.created.slice(0, 10), 'date'));
    add(ds, iri('dcat', 'version'), literal(v.version));
    add(ds, iri('owl', 'versionInfo'), literal(v.version));
    add(ds, iri('dcat', 'inSeries'), series);
    if (i > 0) add(ds, iri('dcat', 'previousVersion'), namedNode(a.release(p.id, releases[i - 1]!.datapackage.version)));
    add(ds, iri('dcat', 'landingPage'), namedNode(a.page(p.id)));
    add(ds, iri('dct', 'publisher'), agent);
    add(ds, iri('dct', 'license'), licence);
    add(ds, iri('dct', 'accessRights'), namedNode(EU_ACCESS_PUBLIC));
    add(ds, iri('dct', 'language'), namedNode(EU_LANGUAGE_FR));
    add(ds, iri('dcat', 'theme'), namedNode(EU_THEME_ECONOMY));
    add(ds, iri('dct', 'accrualPeriodicity'), namedNode(frequencyIri(dp.frequence)));
    for (const k of v.keywords ?? []) add(ds, iri('dcat', 'keyword'), text(k, 'fr'));

    // Contact point: the publisher's contact line, with its web and e-mail addresses.
    const contactText = v.contact ?? dp.contact;
    if (contactText) {
      const contact = bnode();
      add(ds, iri('dcat', 'contactPoint'), contact);
      add(contact, iri('rdf', 'type'), iri('vcard', 'Organization'));
      add(contact, iri('vcard', 'fn'), text(contactText, 'fr'));
      const links = contactLinks(contactText);
      if (links.url) add(contact, iri('vcard', 'hasURL'), namedNode(links.url));
      if (links.email) add(contact, iri('vcard', 'hasEmail'), namedNode(`mailto:${links.email}`));
    }

    const period = bnode();
    add(ds, iri('dct', 'temporal'), period);
    add(period, iri('rdf', 'type'), iri('dct', 'PeriodOfTime'));
    add(period, iri('dcat', 'startDate'), typed(v.temporal.start, 'date'));
    add(period, iri('dcat', 'endDate'), typed(v.temporal.end, 'date'));

    // Spatial coverage: the region and its départements by their INSEE codes (COG).
    const places: [string, string, string | undefined][] = [
      ['Region', v.spatial.code_region, v.spatial.territoire],
      ...v.spatial.departements.map((d): [string, string, undefined] => ['Departement', d, undefined]),
    ];
    for (const [kind, code, name] of places) {
      const place = bnode();
      add(ds, iri('dct', 'spatial'), place);
      add(place, iri('rdf', 'type'), iri('dct', 'Location'));
      add(place, iri('dct', 'type'), iri('igeo', kind));
      add(place, iri('dct', 'identifier'), literal(code));
      add(place, iri('skos', 'notation'), literal(code, iri('igeo', `CodeInsee${kind}`)));
      if (name) add(place, iri('locn', 'geographicName'), text(name, 'fr'));
    }

    for (const f of [...r.files].sort((x, y) => (x.name < y.name ? -1 : 1))) distributionQuads(p.id, v, f, isCurrent, a, add, ds, licence);
  });
}

/** A resource's titles and descriptions: a table's, or those another file's resource gives as text. */
function textsOf(r: ReleaseResource) {
  const said = (key: 'title' | 'title_en' | 'description' | 'description_en') => {
    const t: unknown = r[key];
    return typeof t === 'string' ? t : undefined;
  };
  return { title: said('title'), title_en: said('title_en'), description: said('description'), description_en: said('description_en') };
}

function distributionQuads(id: string, v: CatalogueRelease['datapackage'], f: CatalogueFile, isCurrent: boolean, a: Addresses, add: Add, ds: Quad_Subject, licence: Quad_Object) {
  const download = a.file(id, v.version, f.name);
  const d = namedNode(`${download}#distribution`);
  const format = formatOf(f.name);
  const found = v.resources.find((r) => r.path === f.name) ?? v.resources.find((r) => r.path === f.name.replace(/\.json$/, '.csv'));
  const resource = found && textsOf(found);
  const title: Bilingual = resource?.title
    ? { fr: `${resource.title} (${format.extension.toUpperCase()})`, en: `${resource.title_en ?? resource.title} (${format.extension.toUpperCase()})` }
    : (DOCUMENTS[f.name] ?? (format.extension === 'xlsx' ? WORKBOOK : format.extension === 'zip' ? ARCHIVE : { fr: f.name, en: f.name }));
  add(ds, iri('dcat', 'distribution'), d);
  add(d, iri('rdf', 'type'), iri('dcat', 'Distribution'));
  add(d, iri('dct', 'identifier'), literal(download));
  add(d, iri('dct', 'title'), text(title.fr, 'fr'));
  add(d, iri('dct', 'title'), text(title.en, 'en'));
  if (resource?.description && format.extension !== 'json') add(d, iri('dct', 'description'), text(resource.description, 'fr'));
  if (resource?.description_en && format.extension !== 'json') add(d, iri('dct', 'description'), text(resource.description_en, 'en'));
  add(d, iri('dcat', 'downloadURL'), namedNode(download));
  // The unversioned address serves the current release's file, for as long as it is current.
  add(d, iri('dcat', 'accessURL'), namedNode(isCurrent ? a.file(id, undefined, f.name) : download));
  add(d, iri('dct', 'format'), namedNode(format.fileType));
  add(d, iri('dcat', 'mediaType'), namedNode(format.mediaTypeIri));
  add(d, iri('dcat', 'byteSize'), typed(String(f.bytes), 'nonNegativeInteger'));
  add(d, iri('dct', 'issued'), typed(v.created.slice(0, 10), 'date'));
  add(d, iri('dct', 'license'), licence);
  const checksum = bnode();
  add(d, iri('spdx', 'checksum'), checksum);
  add(checksum, iri('rdf', 'type'), iri('spdx', 'Checksum'));
  add(checksum, iri('spdx', 'algorithm'), namedNode(SPDX_SHA256));
  add(checksum, iri('spdx', 'checksumValue'), typed(f.sha256, 'hexBinary'));
}
