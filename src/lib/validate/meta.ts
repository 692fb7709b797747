import { z } from 'zod';
import { METADATA_FILE } from '../../schemas/index.ts';
import { MetadonneesSchema, type Metadonnees } from '../../schemas/metadonnees.ts';
import { findControl, showControls } from './controls.ts';
import type { IssueCollector } from './report.ts';

const frenchErrors = z.locales.fr().localeError;
const englishErrors = z.locales.en().localeError;

/** zod's own sentence for an issue, in a language (its locales ship with zod). */
function zodSentence(localeError: typeof frenchErrors, issue: z.core.$ZodIssue): string {
  const out = localeError(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof out === 'string' ? out : (out?.message ?? issue.message);
  return text.replace(/\.$/, '');
}

/**
 * Reads and checks `metadonnees.json`. `meta` is the parsed JSON, or its text or bytes (so a
 * syntax error becomes an issue like any other), or `undefined` when the file is missing.
 * Returns the metadata when they are valid.
 */
export function validateMeta(publisher: string, meta: unknown, issues: IssueCollector): Metadonnees | undefined {
  const file = METADATA_FILE;
  if (meta === undefined) {
    issues.add('meta.absent', file);
    return undefined;
  }
  let json: unknown = meta;
  if (typeof meta === 'string' || meta instanceof Uint8Array) {
    const text = typeof meta === 'string' ? meta : new TextDecoder('utf-8').decode(meta);
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      issues.add('meta.json', file, {}, { detail: (e as Error).message });
      return undefined;
    }
  }
  const parsed = MetadonneesSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const champ = issue.path.join('.');
      if (issue.code === 'custom' && champ === 'periode') {
        const p = (json as { periode: { debut: string; fin: string } }).periode;
        issues.add('meta.periode', file, { column: champ }, { debut: p.debut, fin: p.fin });
      } else {
        const detail = { fr: zodSentence(frenchErrors, issue), en: zodSentence(englishErrors, issue) };
        issues.add('meta.champ', file, { column: champ || '(racine)' }, { champ: champ || { fr: '(racine)', en: '(root)' }, detail });
      }
    }
    return undefined;
  }
  let controls = false;
  for (const [champ, text] of metaTexts(parsed.data)) {
    const control = findControl(text);
    if (!control) continue;
    issues.add('meta.caractere_controle', file, { column: champ, value: showControls(text) }, { champ, ...control });
    controls = true;
  }
  if (controls) return undefined;
  if (parsed.data.id !== publisher) {
    issues.add('meta.editeur', file, { column: 'id', value: parsed.data.id }, { id: parsed.data.id, publisher });
    return undefined;
  }
  return parsed.data;
}

/** The free-text fields of the metadata, by path (the others have a format that excludes controls). */
function metaTexts(meta: Metadonnees): [string, string][] {
  return [
    ['nom', meta.nom],
    ['territoire', meta.territoire],
    ['contact', meta.contact],
    ...meta.sources.flatMap((s, i): [string, string][] => [[`sources.${i}.titre`, s.titre], ...(s.url === undefined ? [] : [[`sources.${i}.url`, s.url] as [string, string]])]),
  ];
}
