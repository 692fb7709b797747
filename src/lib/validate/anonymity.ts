/**
 * Anonymisation guard: personal data must never reach the published files, so cells and column
 * names that look like identity data stop the build. Patterns err on the side of caution (a false
 * positive costs a publisher an edit; a false negative publishes someone's phone number).
 */
import type { OwnRule } from './messages.ts';
import type { Bilingual } from '../lang.ts';

type CellRule = Extract<OwnRule, `anonymat.${'email' | 'telephone' | 'nir' | 'adresse'}`>;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** French numbers: `06 12 34 56 78`, `06.12.34.56.78`, `0612345678`, `+33 6 12 34 56 78`, `0033 6…`, `+33 (0)6…`. */
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)/;

/**
 * NIR: sex (1/2), year, month, département (2 digits or 2A/2B), commune, order, then an optional
 * 2-digit key; spaces or dots allowed between groups. Checked further in {@link looksLikeNir}.
 */
const NIR = /(?<![\dA-Za-z])([12])[\s.]?(\d{2})[\s.]?(\d{2})[\s.]?(\d{2}|2[AB])[\s.]?(\d{3})[\s.]?(\d{3})(?:[\s.]?(\d{2}))?(?![\dA-Za-z])/gi;

/** A number (with bis/ter) followed by a street type and the start of a name. */
const ADDRESS =
  /(?<![\p{L}\d])\d{1,4}\s*(?:bis|ter|quater|[a-d])?\s*,?\s+(?:rue|avenue|av\.|bd|boulevard|all[ée]e|impasse|chemin|place|quai|route|square|r[ée]sidence|lotissement|lieu[- ]dit|faubourg|chauss[ée]e|sentier|rond[- ]point|cit[ée]|esplanade|promenade|hameau)\s+(?:d['’]|l['’]|\p{L})/iu;

/**
 * A NIR is 13 digits with a plausible month (01–12 or the special codes 20, 30–42, 50–99), and when
 * the 2-digit key is written it must match (97 − number mod 97, Corsica 2A/2B counted as 19/18).
 * The key check keeps long identifiers (15-digit contract numbers) from being refused.
 */
function looksLikeNir(text: string): RegExpExecArray | undefined {
  NIR.lastIndex = 0;
  for (let m = NIR.exec(text); m !== null; m = NIR.exec(text)) {
    const [, sex, year, month, dept, commune, order, key] = m as unknown as string[];
    const mm = Number(month);
    if (mm < 1 || (mm > 12 && mm !== 20 && mm < 30) || (mm > 42 && mm < 50)) continue;
    if (key === undefined) return m;
    const d = dept!.toUpperCase() === '2A' ? '19' : dept!.toUpperCase() === '2B' ? '18' : dept!;
    const body = BigInt(`${sex}${year}${month}${d}${commune}${order}`);
    if (97n - (body % 97n) === BigInt(key)) return m;
  }
  return undefined;
}

/** A finding of the guard in one cell. */
export interface Finding {
  rule: CellRule;
  /** Start and end of the matched text in the cell. */
  start: number;
  end: number;
}

/** Everything in a cell that looks like personal data, at most one finding per rule. */
export function scanCell(text: string): Finding[] {
  // Cheap pre-checks: most cells have no '@', fewer than 9 digits, no space.
  const findings: Finding[] = [];
  if (text.includes('@')) {
    const m = EMAIL.exec(text);
    if (m) findings.push({ rule: 'anonymat.email', start: m.index, end: m.index + m[0].length });
  }
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits >= 9) {
    const p = PHONE.exec(text);
    if (p) findings.push({ rule: 'anonymat.telephone', start: p.index, end: p.index + p[0].length });
    const n = digits >= 11 ? looksLikeNir(text) : undefined;
    if (n) findings.push({ rule: 'anonymat.nir', start: n.index, end: n.index + n[0].length });
  }
  if (digits >= 1 && /\s/.test(text)) {
    const a = ADDRESS.exec(text);
    if (a) findings.push({ rule: 'anonymat.adresse', start: a.index, end: text.length });
  }
  return findings;
}

/** The cell with the personal part replaced by `•••`, so that reports never copy it. */
export function maskCell(text: string, finding: Finding): string {
  return text.slice(0, finding.start) + '•••' + text.slice(finding.end);
}

/** Kinds of identity data a column name can announce. */
const IDENTITY_WORDS: ReadonlyArray<readonly [RegExp, Bilingual]> = [
  [/^(nom|noms|name|lastname|surname|nom_naissance|nom_usage|nom_de_famille)$|(^|_)(nom|name)(_|$)/, { fr: 'nom', en: 'name' }],
  [/(^|_)(prenom|prenoms|firstname|first_name)(_|$)/, { fr: 'prénom', en: 'first name' }],
  [/(^|_)(naissance|birth|birthdate|ddn|dob)(_|$)|date_de_naissance/, { fr: 'date de naissance', en: 'birth date' }],
  [/(^|_)(nir|secu|securite_sociale|ssn|insee_personne)(_|$)|numero_securite_sociale|num_secu/, { fr: 'numéro de sécurité sociale', en: 'social security number' }],
  [/(^|_)(adresse|adresses|address|rue|voie)(_|$)/, { fr: 'adresse', en: 'address' }],
  [/(^|_)(email|e_mail|mail|courriel|mel)(_|$)/, { fr: 'e-mail', en: 'e-mail' }],
  [/(^|_)(telephone|tel|phone|portable|mobile|gsm|fixe)(_|$)/, { fr: 'téléphone', en: 'phone' }],
];

/** Column name reduced to `snake_case` ASCII: `Date de naissance` → `date_de_naissance`. */
export function slugHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** What identity data a column name announces, or `undefined`. */
export function identityColumn(name: string): Bilingual | undefined {
  const slug = slugHeader(name);
  for (const [re, what] of IDENTITY_WORDS) if (re.test(slug)) return what;
  return undefined;
}

/** The first French phone number in a text (as the cell guard finds them), or `undefined`. */
export function findPhone(text: string): string | undefined {
  return PHONE.exec(text)?.[0];
}

/**
 * Frequent French first names (without accents, lower case), to tell « Jean Dupont » or
 * `jean.dupont@…` from « Mission clauses sociales »; names that are also common words or place
 * names (Martin, Marine…) are left out. A guess: it only raises a warning.
 */
const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    'jean marie pierre michel philippe alain nicolas christophe patrick daniel francoise catherine nathalie isabelle sylvie ' +
    'anne sophie christine martine valerie sandrine stephanie celine julie aurelie laurence camille emilie caroline claire ' +
    'helene sebastien julien david thomas laurent frederic eric olivier stephane francois pascal vincent jerome guillaume ' +
    'antoine maxime alexandre mathieu matthieu romain benoit thierry bruno didier gilles patrice jacques bernard andre rene ' +
    'louis paul hugo lucas lea manon chloe emma sarah laura pauline marion audrey elodie virginie karine veronique brigitte ' +
    'monique nadia fatima mohamed karim yannick cedric fabrice franck herve gerard joel arnaud damien fabien florian kevin ' +
    'anthony jonathan mickael samuel cyril ludovic gregory yves marc luc denis dominique claude agnes beatrice corinne ' +
    'delphine florence genevieve jacqueline josiane muriel nicole odile pascale sabrine severine simone solene vanessa'
  ).split(' '),
);

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A civility title followed by a capitalised word: « M. Dupont », « Madame Durand ». */
const CIVILITY = /(?<![\p{L}])(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)(?:\s+\p{Lu}[\p{L}'’-]*){1,2}/u;
/** `prenom.nom@`, `prenom-nom@`, `prenom_nom@` (the first part is checked against {@link FIRST_NAMES}). */
const EMAIL_NAME = /(?<![\p{L}\d._-])(\p{L}+)[._-](\p{L}{2,})@/gu;
/** « Prénom Nom » (the first word is checked against {@link FIRST_NAMES}). */
const FULL_NAME = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * What in a text seems to name a person (a civility title, a frequent first name followed by a
 * name, `prenom.nom@` in an address), or `undefined`. For the metadata's `contact`, published on
 * every page: a service outlives the people in it.
 */
export function namedPerson(text: string): string | undefined {
  const civility = CIVILITY.exec(text);
  if (civility) return civility[0];
  for (const m of text.matchAll(EMAIL_NAME)) if (FIRST_NAMES.has(plain(m[1]!))) return m[0].slice(0, -1);
  for (const m of text.matchAll(FULL_NAME)) if (FIRST_NAMES.has(plain(m[1]!))) return m[0];
  return undefined;
}
