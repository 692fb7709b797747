/**
 * Vocabularies of the DCAT catalogue: namespaces, and the controlled lists DCAT-AP and
 * data.gouv.fr's harvester read (EU update frequencies, EU file types, IANA media types).
 */
import type { Frequence } from '../../schemas/metadonnees.ts';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  locn: 'http://www.w3.org/ns/locn#',
  igeo: 'http://rdf.insee.fr/def/geo#',
} as const;
export type Prefix = keyof typeof NS;

/** `dct:accrualPeriodicity`: the EU frequency list (unknown when the publisher does not say). */
const EU_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
export function frequencyIri(frequence: Frequence | undefined): string {
  const codes: Record<Frequence, string> = { annuelle: 'ANNUAL', semestrielle: 'ANNUAL_2', trimestrielle: 'QUARTERLY', mensuelle: 'MONTHLY', irreguliere: 'IRREG' };
  const code = frequence ? codes[frequence] : 'UNKNOWN';
  return `${EU_FREQUENCY}${code}`;
}

const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = 'https://www.iana.org/assignments/media-types/';

/** Format of a published file by its extension: EU file type (`dct:format`) and IANA media type (`dcat:mediaType`). */
const FORMATS: Record<string, { fileType: string; mediaType: string }> = {
  csv: { fileType: 'CSV', mediaType: 'text/csv' },
  json: { fileType: 'JSON', mediaType: 'application/json' },
  parquet: { fileType: 'PARQUET', mediaType: 'application/vnd.apache.parquet' },
  xlsx: { fileType: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  zip: { fileType: 'ZIP', mediaType: 'application/zip' },
  md: { fileType: 'TXT', mediaType: 'text/markdown' },
  txt: { fileType: 'TXT', mediaType: 'text/plain' },
};

export function formatOf(file: string): { fileType: string; mediaType: string; mediaTypeIri: string; extension: string } {
  const extension = file.split('.').pop()!.toLowerCase();
  const f = FORMATS[extension] ?? { fileType: 'BIN', mediaType: 'application/octet-stream' };
  return { fileType: `${EU_FILE_TYPE}${f.fileType}`, mediaType: f.mediaType, mediaTypeIri: `${IANA}${f.mediaType}`, extension };
}

export const EU_LANGUAGE_FR = 'http://publications.europa.eu/resource/authority/language/FRA';
export const EU_ACCESS_PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
/** EU data theme « Economy and finance » (public procurement). */
export const EU_THEME_ECONOMY = 'http://publications.europa.eu/resource/authority/data-theme/ECON';
export const SPDX_SHA256 = `${NS.spdx}checksumAlgorithm_sha256`;
