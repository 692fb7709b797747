/**
 * What the pages say of a publisher, from its profile (`profil` of its metadata, published in its
 * datapackage; src/schemas/profil.ts): the name in the forms a sentence needs, its own texts as
 * safe HTML, its accessibility statement. Nothing here names a publisher: without a profile, the
 * sentences fall back to forms that need no article. Pure.
 */
import type { Lang } from '../i18n/index.ts';
import type { Profil } from '../schemas/profil.ts';
import { markdownToHtml } from './markdown.ts';

export type ProfileText = 'presentation' | 'objectifs' | 'odd' | 'note_donnees' | 'limites';

/** The first letter in capitals, for a name that starts a sentence (« le Département » → « Le Département »). */
export const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

export interface NameForms {
  /** With its article, inside a sentence: « le Département d'Ille-et-Vilaine »; undefined without a profile. */
  nom?: string;
  /** After « de » / “of”: « du Département d'Ille-et-Vilaine »; undefined without a profile. */
  de_nom?: string;
  /** The name as the metadata gives it (`nom`), never in a sentence that needs an article. */
  bare: string;
}

export function nameForms(lang: Lang, publisher: { nom: string; profil?: Profil | undefined }): NameForms {
  const forms = publisher.profil?.formes[lang];
  return forms ? { nom: forms.nom, de_nom: forms.de_nom, bare: publisher.nom } : { bare: publisher.nom };
}

/** One of the publisher's texts as HTML (a small, escaped Markdown), or undefined. */
export function profileHtml(lang: Lang, profil: Profil | undefined, key: ProfileText, shift = 2): string | undefined {
  const text = profil?.[key]?.[lang];
  return text ? markdownToHtml(text, shift) : undefined;
}

/** The RGAA compliance the publisher declares; without a statement, a site is « non conforme » (no audit). */
export const compliance = (profil: Profil | undefined) => profil?.accessibilite?.conformite ?? 'non_conforme';

/**
 * The stylesheet of the publisher's colour (`couleur`, AA contrast on white checked by the schema):
 * links and accents; hover a darker shade. Empty without a colour (the kit's own colours stay).
 */
export function publisherCss(profil: Profil | undefined): string {
  const c = profil?.couleur;
  if (!c) return '';
  const dark =
    '#' +
    [1, 3, 5]
      .map((i) =>
        Math.round(parseInt(c.slice(i, i + 2), 16) * 0.75)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
  return `html:root { --accent: ${c}; --accent-dark: ${dark}; }\n`;
}
