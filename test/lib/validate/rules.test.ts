/**
 * One fixture per rule (test/fixtures/regles/<rule>/): each triggers exactly its rule, and the
 * sentences it produces are pinned in French and English with file, line, column and value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, RULE_IDS, type RuleId } from '../../../src/lib/validate/index.ts';
import { FIXTURES, ruleFixtures, validateFixture } from './fixtures.ts';

/** Rules of the valid fixture itself (its Windows-1252 file). */
const BASELINE = new Set<string>(['fichier.encodage']);

/**
 * Rules that come with another by design: a metadata field the tables are checked against that is
 * wrong (or absent) holds those checks back, and says so.
 */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  'meta.absent': ['meta.controles_non_faits'],
  'meta.json': ['meta.controles_non_faits'],
  'meta.periode': ['meta.controles_non_faits'],
  'meta.siret': ['meta.controles_non_faits'],
};

/** The issues of `rule` as report lines, French then English, from its fixture (or `valide/`). */
async function lines(rule: RuleId, fixture: string | null = rule): Promise<string> {
  const { report } = await validateFixture(fixture ?? undefined);
  return report.issues
    .filter((i) => i.rule === rule)
    .flatMap((i) => [formatIssue(i, 'fr'), formatIssue(i, 'en')])
    .join('\n');
}

describe('rule fixtures', () => {
  const fixtures = ruleFixtures();

  it('exist for every rule but the encoding warning (valide/), symbolic links, the zod fallback and held-back checks', () => {
    // Tested elsewhere: valide/ (fichier.encodage), fs-input.test.ts (fichier.lien_symbolique),
    // columns.test.ts (valeur.invalide); meta.controles_non_faits comes with meta.absent and others.
    const untestable = ['fichier.encodage', 'fichier.lien_symbolique', 'valeur.invalide', 'meta.controles_non_faits'];
    expect(fixtures).toEqual(RULE_IDS.filter((r) => !untestable.includes(r)).sort());
  });

  it('are all listed in test/fixtures/README.md', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    for (const f of fixtures) expect(readme, f).toContain(`\`regles/${f}/\``);
  });

  it.each(fixtures)('%s triggers exactly its rule', async (rule) => {
    const { ok, report } = await validateFixture(rule);
    const companions = new Set(COMPANIONS[rule] ?? []);
    const fired = report.summary.map((s) => s.rule).filter((r) => !BASELINE.has(r) && !companions.has(r));
    expect(fired).toEqual([rule]);
    const entry = report.summary.find((s) => s.rule === rule)!;
    expect(ok).toBe(report.summary.every((s) => s.severity === 'warning'));
    expect(entry).toBeDefined();
    for (const issue of report.issues) {
      expect(issue.file).toMatch(/^[a-z]+\.(csv|json|xlsx|xls)$/);
      expect(issue.message.fr).not.toBe('');
      expect(issue.message.en).not.toBe('');
      expect(issue.message.fr).not.toBe(issue.message.en);
    }
  });
});

describe('messages', () => {
  it('metadata', async () => {
    expect(await lines('meta.absent')).toMatchInlineSnapshot(`
      "metadonnees.json meta.absent — Le dossier ne contient pas de fichier metadonnees.json.
      metadonnees.json meta.absent — The folder has no metadonnees.json file."
    `);
    expect(await lines('meta.json')).toMatchInlineSnapshot(`
      "metadonnees.json meta.json — metadonnees.json n'est pas un JSON valide : Expected double-quoted property name in JSON at position 22 (line 3 column 3)
      metadonnees.json meta.json — metadonnees.json is not valid JSON: Expected double-quoted property name in JSON at position 22 (line 3 column 3)"
    `);
    expect(await lines('meta.champ')).toMatchInlineSnapshot(`
      "metadonnees.json [licence] meta.champ — Champ « licence » : Entrée invalide : "Etalab-2.0" attendu.
      metadonnees.json [licence] meta.champ — Field "licence": Invalid input: expected "Etalab-2.0"."
    `);
    expect(await lines('meta.caractere_controle')).toMatchInlineSnapshot(`
      "metadonnees.json [territoire] « Pays de la Loire<U+2028> » meta.caractere_controle — Champ « territoire » : caractère invisible U+2028 (position 17) interdit ; retirez-le.
      metadonnees.json [territoire] "Pays de la Loire<U+2028>" meta.caractere_controle — Field "territoire": invisible character U+2028 (position 17) is not allowed; remove it."
    `);
    expect(await lines('meta.periode')).toMatchInlineSnapshot(`
      "metadonnees.json [periode] meta.periode — La période commence (2019-01-01) après sa fin (2018-12-31).
      metadonnees.json [periode] meta.periode — The period starts (2019-01-01) after its end (2018-12-31)."
    `);
    expect(await lines('meta.editeur')).toMatchInlineSnapshot(`
      "metadonnees.json [id] « autre-editeur » meta.editeur — L'identifiant « autre-editeur » des métadonnées diffère du nom du dossier « valide ».
      metadonnees.json [id] "autre-editeur" meta.editeur — The metadata id "autre-editeur" differs from the folder name "valide"."
    `);
  });

  it('metadata: what the schema cannot say, and the checks a wrong field holds back', async () => {
    expect(await lines('meta.a_completer')).toMatchInlineSnapshot(`
      "metadonnees.json [nom] meta.a_completer — Champ « nom » encore à compléter : nom de l'acheteur, par exemple « Département d'Ille-et-Vilaine »
      metadonnees.json [nom] meta.a_completer — Field "nom" still to fill in: nom de l'acheteur, par exemple « Département d'Ille-et-Vilaine »"
    `);
    expect(await lines('meta.siret')).toMatchInlineSnapshot(`
      "metadonnees.json [siret_acheteur] « 23440003400062 » meta.siret — Champ « siret_acheteur » : la clé de contrôle du SIRET est fausse (le SIREN est juste : l'erreur est dans les 5 derniers chiffres).
      metadonnees.json [siret_acheteur] "23440003400062" meta.siret — Field "siret_acheteur": the SIRET check digit is wrong (the SIREN is right: the error is in the last 5 digits)."
    `);
    expect(await lines('meta.contact_telephone')).toMatchInlineSnapshot(`
      "metadonnees.json [contact] « Mission clauses sociales — ••• » meta.contact_telephone — Le contact contient un numéro de téléphone ; il est publié sur chaque page.
      metadonnees.json [contact] "Mission clauses sociales — •••" meta.contact_telephone — The contact holds a phone number; it is published on every page."
    `);
    expect(await lines('meta.contact_personne')).toMatchInlineSnapshot(`
      "metadonnees.json [contact] « Mme Durand, mission clauses sociales — https://www.example.org/clauses-insertion » meta.contact_personne (avertissement) — Le contact semble nommer une personne (Mme Durand) ; il est publié sur chaque page et survit aux départs.
      metadonnees.json [contact] "Mme Durand, mission clauses sociales — https://www.example.org/clauses-insertion" meta.contact_personne (warning) — The contact seems to name a person (Mme Durand); it is published on every page and outlives staff changes."
    `);
    expect(await lines('meta.region')).toMatchInlineSnapshot(`
      "metadonnees.json [code_region] « 53 » meta.region — code_region 53 (Bretagne) ne contient pas : 44, 49, 53, 72, 85 (Pays de la Loire).
      metadonnees.json [code_region] "53" meta.region — code_region 53 (Brittany) does not hold: 44, 49, 53, 72, 85 (Pays de la Loire)."
    `);
    expect(await lines('meta.seuil_bas')).toMatchInlineSnapshot(`
      "metadonnees.json [seuil_secret] « 3 » meta.seuil_bas — seuil_secret vaut 3 : une case publiée pourrait compter moins de 5 personnes, la pratique du secteur de l’insertion.
      metadonnees.json [seuil_secret] "3" meta.seuil_bas — seuil_secret is 3: a published cell could count fewer than 5 persons, the practice of the inclusion sector."
    `);
    expect(await lines('meta.date_future')).toMatchInlineSnapshot(`
      "metadonnees.json [date_publication] « 2099-03-01 » meta.date_future — date_publication (2099-03-01) est après aujourd’hui (2025-01-01).
      metadonnees.json [date_publication] "2099-03-01" meta.date_future — date_publication (2099-03-01) is after today (2025-01-01)."
    `);
    expect(await lines('meta.controles_non_faits', 'meta.siret')).toMatchInlineSnapshot(`
      "metadonnees.json [siret_acheteur] meta.controles_non_faits (avertissement) — Tant que « siret_acheteur » est faux, ces contrôles des tables n’ont pas été faits : SIRET de l'acheteur de chaque marché (marches, id_acheteur).
      metadonnees.json [siret_acheteur] meta.controles_non_faits (warning) — While "siret_acheteur" is wrong, these checks of the tables were not run: the buyer's SIRET of each contract (marches, id_acheteur)."
    `);
  });

  it('files', async () => {
    expect(await lines('fichier.absent')).toMatchInlineSnapshot(`
      "facilitateurs.csv fichier.absent — Table facilitateurs absente du dossier : ni ce fichier CSV, ni une feuille « facilitateurs » dans un classeur .xlsx.
      facilitateurs.csv fichier.absent — Table facilitateurs missing from the folder: neither this CSV file nor a sheet "facilitateurs" in an .xlsx workbook."
    `);
    expect(await lines('fichier.inconnu')).toMatchInlineSnapshot(`
      "notes.csv fichier.inconnu (avertissement) — Fichier non prévu par le contrat de données : il n'est ni lu ni publié.
      notes.csv fichier.inconnu (warning) — File not in the data contract: it is neither read nor published."
    `);
    expect(await lines('fichier.encodage', null)).toMatchInlineSnapshot(`
      "marches.csv fichier.encodage (avertissement) — Fichier lu en windows-1252 (ce n’est pas de l’UTF-8) ; enregistrez-le si possible en « CSV UTF-8 ».
      marches.csv fichier.encodage (warning) — File read as windows-1252 (it is not UTF-8); if you can, save it as "CSV UTF-8"."
    `);
  });

  it('workbooks', async () => {
    expect(await lines('fichier.table_en_double')).toMatchInlineSnapshot(`
      "operations.xlsx, feuille operations fichier.table_en_double — La table operations est déjà lue depuis operations.csv : cette source-ci est ignorée.
      operations.xlsx, sheet operations fichier.table_en_double — Table operations is already read from operations.csv: this source is ignored."
    `);
    expect(await lines('fichier.tableur')).toMatchInlineSnapshot(`
      "heures.xls fichier.tableur (avertissement) — Classeur .xls : seuls les classeurs .xlsx (et les fichiers CSV) sont lus.
      heures.xls fichier.tableur (warning) — .xls workbook: only .xlsx workbooks (and CSV files) are read."
    `);
    expect(await lines('xlsx.illisible')).toMatchInlineSnapshot(`
      "heures.xlsx xlsx.illisible — Le classeur ne peut pas être lu : ce n'est pas une archive .xlsx (fichier abîmé, protégé par un mot de passe ou d'un autre format ?) : invalid zip data.
      heures.xlsx xlsx.illisible — The workbook cannot be read: it is not an .xlsx archive (a damaged file, protected by a password, or of another format?): invalid zip data."
    `);
    expect(await lines('xlsx.sans_table')).toMatchInlineSnapshot(`
      "notes.xlsx xlsx.sans_table (avertissement) — Aucune feuille ne porte le nom d’une table (marches, operations, facilitateurs, entreprises, participants, heures) : le classeur n’est pas lu (feuilles : Feuil1).
      notes.xlsx xlsx.sans_table (warning) — No sheet is named after a table (marches, operations, facilitateurs, entreprises, participants, heures): the workbook is not read (sheets: Feuil1)."
    `);
  });

  it("Excel's artefacts, and check digits", async () => {
    expect(await lines('excel.notation_scientifique')).toMatchInlineSnapshot(`
      "marches.csv:10 [id_acheteur] « 2,34400E+13 » excel.notation_scientifique — Excel a écrit ce nombre en notation scientifique : ses derniers chiffres sont perdus.
      marches.csv:10 [id_acheteur] "2,34400E+13" excel.notation_scientifique — Excel wrote this number in scientific notation: its last digits are lost."
    `);
    expect(await lines('pseudonyme.numerique')).toMatchInlineSnapshot(`
      "marches.csv:10 [id_titulaire] « 109 » pseudonyme.numerique — Un pseudonyme commence par 1 à 4 lettres puis 3 à 9 chiffres (par exemple E00109).
      marches.csv:10 [id_titulaire] "109" pseudonyme.numerique — A pseudonym starts with 1 to 4 letters then 3 to 9 digits (e.g. E00109).
      entreprises.csv:10 [id_entreprise] « 109 » pseudonyme.numerique — Un pseudonyme commence par 1 à 4 lettres puis 3 à 9 chiffres (par exemple E00109).
      entreprises.csv:10 [id_entreprise] "109" pseudonyme.numerique — A pseudonym starts with 1 to 4 letters then 3 to 9 digits (e.g. E00109)."
    `);
    expect(await lines('mois.date_complete')).toMatchInlineSnapshot(`
      "heures.csv:10 [mois] « 15/08/2017 » mois.date_complete — Date complète dans une colonne de mois : écrire le mois seul, AAAA-MM (2022-04) ou MM/AAAA (04/2022) ; le premier du mois (01/04/2022) est lu comme ce mois.
      heures.csv:10 [mois] "15/08/2017" mois.date_complete — Full date in a month column: write the month alone, YYYY-MM (2022-04) or MM/YYYY (04/2022); the first of the month (01/04/2022) is read as that month."
    `);
    expect(await lines('siret.cle')).toMatchInlineSnapshot(`
      "marches.csv:10 [id_acheteur] « 23440003400062 » siret.cle — La clé de contrôle du SIRET est fausse (le SIREN est juste : l'erreur est dans les 5 derniers chiffres).
      marches.csv:10 [id_acheteur] "23440003400062" siret.cle — The SIRET check digit is wrong (the SIREN is right: the error is in the last 5 digits)."
    `);
  });

  it('CSV layer, forwarded with the file name', async () => {
    expect(await lines('csv.vide')).toMatchInlineSnapshot(`
      "entreprises.csv:1 csv.vide — Fichier vide : aucune ligne d'en-tête n'a été trouvée.
      entreprises.csv:1 csv.vide — Empty file: no header line was found."
    `);
    expect(await lines('csv.entete_vide')).toMatchInlineSnapshot(`
      "operations.csv:1 csv.entete_vide — Ligne 1, colonne 4 : le nom de colonne est vide.
      operations.csv:1 csv.entete_vide — Line 1, column 4: the column name is empty."
    `);
    expect(await lines('csv.entete_double')).toMatchInlineSnapshot(`
      "operations.csv:1 [Departement] « Departement » csv.entete_double — Ligne 1, colonne 4 : la colonne « Departement » apparaît déjà en colonne 3.
      operations.csv:1 [Departement] "Departement" csv.entete_double — Line 1, column 4: column "Departement" already appears as column 3."
    `);
    expect(await lines('csv.guillemet_non_ferme')).toMatchInlineSnapshot(`
      "heures.csv:21 [type_structure] « ORGANISME_FORMATION » csv.guillemet_non_ferme — Ligne 21, champ 7 : le guillemet ouvert ici n'est jamais fermé ; la suite du fichier a été lue comme un seul champ.
      heures.csv:21 [type_structure] "ORGANISME_FORMATION" csv.guillemet_non_ferme — Line 21, field 7: the quote opened here is never closed; the rest of the file was read as a single field."
    `);
    expect(await lines('csv.guillemet_parasite')).toMatchInlineSnapshot(`
      "operations.csv:3 [nom_operation] « Lycée "Chevrollier" — internat » csv.guillemet_parasite — Ligne 3, champ 2 : guillemet au milieu d'un champ non entouré de guillemets ; entourer le champ de guillemets et doubler ce guillemet ("").
      operations.csv:3 [nom_operation] "Lycée "Chevrollier" — internat" csv.guillemet_parasite — Line 3, field 2: quote inside a field that is not enclosed in quotes; enclose the field in quotes and double this quote ("")."
    `);
    expect(await lines('csv.champs_en_trop')).toMatchInlineSnapshot(`
      "operations.csv:4 csv.champs_en_trop — Ligne 4 : 4 champs au lieu des 3 de l'en-tête ; les champs en trop sont ignorés.
      operations.csv:4 csv.champs_en_trop — Line 4: 4 fields instead of the header's 3; the extra fields are ignored."
    `);
    expect(await lines('csv.champs_manquants')).toMatchInlineSnapshot(`
      "entreprises.csv:10 csv.champs_manquants — Ligne 10 : 3 champs au lieu des 4 de l'en-tête ; les champs manquants sont lus vides.
      entreprises.csv:10 csv.champs_manquants — Line 10: 3 fields instead of the header's 4; the missing fields are read as empty."
    `);
  });

  it('header', async () => {
    expect(await lines('entete.colonne_manquante')).toMatchInlineSnapshot(`
      "operations.csv:1 [departement] entete.colonne_manquante — Colonne obligatoire absente de l'en-tête.
      operations.csv:1 [departement] entete.colonne_manquante — Required column missing from the header."
    `);
    expect(await lines('anonymat.colonne_inconnue')).toMatchInlineSnapshot(`
      "operations.csv:1 [commentaire] anonymat.colonne_inconnue — Colonne absente du contrat de données : seules les colonnes prévues sont acceptées (id_operation, nom_operation, departement).
      operations.csv:1 [commentaire] anonymat.colonne_inconnue — Column not in the data contract: only the listed columns are accepted (id_operation, nom_operation, departement)."
    `);
    expect(await lines('anonymat.colonne_identite')).toMatchInlineSnapshot(`
      "participants.csv:1 [Prénom] anonymat.colonne_identite — Cette colonne semble contenir des données d'identité (prénom) : interdit, même sous pseudonyme.
      participants.csv:1 [Prénom] anonymat.colonne_identite — This column seems to hold identity data (first name): forbidden, even with pseudonyms."
    `);
  });

  it('cells', async () => {
    expect(await lines('valeur.manquante')).toMatchInlineSnapshot(`
      "marches.csv:3 [objet] valeur.manquante — Cellule vide dans une colonne obligatoire.
      marches.csv:3 [objet] valeur.manquante — Empty cell in a required column."
    `);
    expect(await lines('code.inconnu')).toMatchInlineSnapshot(`
      "heures.csv:18 [type_contrat] « CDD_SENIOR » code.inconnu — « CDD_SENIOR » ne fait pas partie des valeurs acceptées : CDI, CDD, CDDI, CTTI, INTERIM, APPRENTISSAGE, PROFESSIONNALISATION, AUTRE.
      heures.csv:18 [type_contrat] "CDD_SENIOR" code.inconnu — "CDD_SENIOR" is not one of the accepted values: CDI, CDD, CDDI, CTTI, INTERIM, APPRENTISSAGE, PROFESSIONNALISATION, AUTRE."
    `);
    expect(await lines('nombre.minimum')).toMatchInlineSnapshot(`
      "marches.csv:10 [montant] « 0 » nombre.minimum — La valeur doit être ≥ 1.
      marches.csv:10 [montant] "0" nombre.minimum — The value must be ≥ 1."
    `);
    expect(await lines('nombre.maximum')).toMatchInlineSnapshot(`
      "heures.csv:19 [heures] « 240 » nombre.maximum — La valeur doit être ≤ 208.
      heures.csv:19 [heures] "240" nombre.maximum — The value must be ≤ 208."
    `);
    expect(await lines('texte.format')).toMatchInlineSnapshot(`
      "marches.csv:10 [code_cpv] « 3916000 » texte.format — La valeur ne respecte pas le format de la colonne ; exemple valide : 45214220-8.
      marches.csv:10 [code_cpv] "3916000" texte.format — The value does not follow the column's format; valid example: 45214220-8."
    `);
    expect(await lines('texte.longueur')).toMatchInlineSnapshot(`
      "operations.csv:5 [nom_operation] « Transports scolaires et campagne de communication sur l’apprentissage dans la Sarthe, Transports sco… » texte.longueur — Texte de 265 caractères, pour 250 au plus.
      operations.csv:5 [nom_operation] "Transports scolaires et campagne de communication sur l’apprentissage dans la Sarthe, Transports sco…" texte.longueur — Text of 265 characters, for at most 250."
    `);
    expect(await lines('texte.caractere_controle')).toMatchInlineSnapshot(`
      "operations.csv:4 [nom_operation] « Hôtel de Région <U+202E>entretien et extension » texte.caractere_controle — Caractère invisible U+202E (position 17) interdit dans un texte : retirez-le ou remplacez-le par une espace.
      operations.csv:4 [nom_operation] "Hôtel de Région <U+202E>entretien et extension" texte.caractere_controle — Invisible character U+202E (position 17) is not allowed in text: remove it or replace it with a space.
      operations.csv:6 [nom_operation] « Lycées de Vendée<U+0085>espaces verts et formation » texte.caractere_controle — Caractère invisible U+0085 (position 17) interdit dans un texte : retirez-le ou remplacez-le par une espace.
      operations.csv:6 [nom_operation] "Lycées de Vendée<U+0085>espaces verts et formation" texte.caractere_controle — Invisible character U+0085 (position 17) is not allowed in text: remove it or replace it with a space."
    `);
    expect(await lines('nombre.format')).toMatchInlineSnapshot(`
      "marches.csv:3 [montant] « 412 000 € HT » nombre.format — Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).
      marches.csv:3 [montant] "412 000 € HT" nombre.format — Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator)."
    `);
    expect(await lines('entier.format')).toMatchInlineSnapshot(`
      "marches.csv:13 [duree_mois] « 4 mois » entier.format — Nombre entier illisible : écrire par exemple 12 ou 1 234 (sans décimales ni unité).
      marches.csv:13 [duree_mois] "4 mois" entier.format — Unreadable whole number: write for example 12 or 1 234 (no decimals, no unit)."
    `);
    expect(await lines('date.format')).toMatchInlineSnapshot(`
      "marches.csv:10 [date_notification] « 20-04-2018 » date.format — Date illisible : écrire AAAA-MM-JJ (2018-03-31) ou JJ/MM/AAAA (31/03/2018).
      marches.csv:10 [date_notification] "20-04-2018" date.format — Unreadable date: write YYYY-MM-DD (2018-03-31) or DD/MM/YYYY (31/03/2018)."
    `);
    expect(await lines('date.invalide')).toMatchInlineSnapshot(`
      "marches.csv:10 [date_notification] « 31/04/2018 » date.invalide — Date impossible : ce jour n'existe pas dans le calendrier (par exemple 31/02/2018).
      marches.csv:10 [date_notification] "31/04/2018" date.invalide — Impossible date: this day does not exist in the calendar (for example 31/02/2018)."
    `);
    expect(await lines('mois.format')).toMatchInlineSnapshot(`
      "heures.csv:10 [mois] « 2017/08 » mois.format — Mois illisible : écrire AAAA-MM (2018-03) ou MM/AAAA (03/2018) ; « mars-18 » et « mars 2018 » sont aussi lus.
      heures.csv:10 [mois] "2017/08" mois.format — Unreadable month: write YYYY-MM (2018-03) or MM/YYYY (03/2018); "mars-18" and "Mar 2018" are read too."
    `);
    expect(await lines('mois.invalide')).toMatchInlineSnapshot(`
      "heures.csv:10 [mois] « 2017-13 » mois.invalide — Mois impossible : le numéro du mois doit aller de 01 à 12.
      heures.csv:10 [mois] "2017-13" mois.invalide — Impossible month: the month number must be between 01 and 12."
    `);
    expect(await lines('booleen.format')).toMatchInlineSnapshot(`
      "participants.csv:6 [rqth] « peut-être » booleen.format — Valeur oui/non illisible : écrire oui ou non (o/n, vrai/faux, true/false, yes/no, 1/0 sont acceptés).
      participants.csv:6 [rqth] "peut-être" booleen.format — Unreadable yes/no value: write oui or non (o/n, vrai/faux, true/false, yes/no, 1/0 are accepted)."
    `);
  });

  it('keys and references', async () => {
    expect(await lines('cle.doublon')).toMatchInlineSnapshot(`
      "heures.csv:22 [id_participant, id_marche, mois, type_contrat, type_structure] « P000003 / M17-001-L02 / 10/2017 / APPRENTISSAGE / ENTREPRISE » cle.doublon — Cette clé figure déjà ligne 7.
      heures.csv:22 [id_participant, id_marche, mois, type_contrat, type_structure] "P000003 / M17-001-L02 / 10/2017 / APPRENTISSAGE / ENTREPRISE" cle.doublon — This key already appears on line 7."
    `);
    expect(await lines('reference.introuvable')).toMatchInlineSnapshot(`
      "marches.csv:10 [id_facilitateur] « FAC-53 » reference.introuvable — Aucune ligne de facilitateurs.csv n’a cette valeur dans la colonne id_facilitateur.
      marches.csv:10 [id_facilitateur] "FAC-53" reference.introuvable — No row of facilitateurs.csv has this value in column id_facilitateur."
    `);
  });

  it('metadata consistency', async () => {
    expect(await lines('acheteur.siret')).toMatchInlineSnapshot(`
      "marches.csv:13 [id_acheteur] « 23440003400018 » acheteur.siret — Le SIRET diffère de siret_acheteur des métadonnées (23440003400026).
      marches.csv:13 [id_acheteur] "23440003400018" acheteur.siret — The SIRET differs from siret_acheteur in the metadata (23440003400026)."
    `);
    expect(await lines('departement.hors_territoire')).toMatchInlineSnapshot(`
      "operations.csv:7 [departement] « 35 » departement.hors_territoire — Ce département n’est pas l’un de ceux des métadonnées (44, 49, 53, 72, 85).
      operations.csv:7 [departement] "35" departement.hors_territoire — This département is not one of the metadata départements (44, 49, 53, 72, 85)."
    `);
    expect(await lines('periode.hors_periode')).toMatchInlineSnapshot(`
      "marches.csv:10 [date_notification] « 20/01/2019 » periode.hors_periode — En dehors de la période couverte par les métadonnées (2017-01-01 – 2018-12-31).
      marches.csv:10 [date_notification] "20/01/2019" periode.hors_periode — Outside the period covered by the metadata (2017-01-01 – 2018-12-31)."
    `);
  });

  it('contracts and the period', async () => {
    expect(await lines('marches.execution_hors_periode')).toMatchInlineSnapshot(`
      "marches.csv:10 [date_notification] « 20/01/2016 » marches.execution_hors_periode — Marché notifié le 2016-01-20 pour 6 mois (exécution jusqu’en 2016-06) : il se termine avant la période (2017-01-01 – 2018-12-31).
      marches.csv:10 [date_notification] "20/01/2016" marches.execution_hors_periode — Contract notified on 2016-01-20 for 6 months (executed until 2016-06): it ends before the period (2017-01-01 – 2018-12-31)."
    `);
  });

  it('contracts and hours', async () => {
    expect(await lines('heures.hors_execution')).toMatchInlineSnapshot(`
      "heures.csv:21 [mois] « 2018-08 » heures.hors_execution — Mois en dehors de l'exécution du marché M18-006 (2018-09 à 2018-12).
      heures.csv:21 [mois] "2018-08" heures.hors_execution — Month outside the execution of contract M18-006 (2018-09 to 2018-12)."
    `);
    expect(await lines('heures.plafond_mensuel')).toMatchInlineSnapshot(`
      "heures.csv:8 [heures] « 100 » heures.plafond_mensuel — 250 h déclarées pour P000004 en 2017-07, tous marchés confondus : plus que le plafond de 208 h par mois.
      heures.csv:8 [heures] "100" heures.plafond_mensuel — 250 h reported for P000004 in 2017-07, all contracts together: more than the ceiling of 208 h a month."
    `);
    expect(await lines('marches.critere_sans_consideration')).toMatchInlineSnapshot(`
      "marches.csv:4 [critere_attribution] « oui » marches.critere_sans_consideration — critere_attribution vaut oui mais considerations_sociales ne contient pas CRITERE_SOCIAL.
      marches.csv:4 [critere_attribution] "oui" marches.critere_sans_consideration — critere_attribution is yes but considerations_sociales does not contain CRITERE_SOCIAL."
    `);
    expect(await lines('marches.aucune_clause_avec_heures')).toMatchInlineSnapshot(`
      "marches.csv:10 [type_clause] « AUCUNE » marches.aucune_clause_avec_heures — Marché sans clause d'insertion (AUCUNE), mais heures.csv lui attribue 1 ligne(s), 35 h.
      marches.csv:10 [type_clause] "AUCUNE" marches.aucune_clause_avec_heures — Contract without an insertion clause (AUCUNE), yet heures.csv gives it 1 row(s), 35 h."
    `);
    expect(await lines('heures.depassement_prevision')).toMatchInlineSnapshot(`
      "marches.csv:13 [heures_prevues] « 12 » heures.depassement_prevision (avertissement) — 21 h réalisées pour 12 h prévues (175 %) : vérifier heures_prevues.
      marches.csv:13 [heures_prevues] "12" heures.depassement_prevision (warning) — 21 h carried out for 12 h planned (175 %): check heures_prevues."
    `);
    expect(await lines('heures.sans_prevision')).toMatchInlineSnapshot(`
      "marches.csv:13 [heures_prevues] « 0 » heures.sans_prevision (avertissement) — 21 h réalisées alors que heures_prevues vaut 0.
      marches.csv:13 [heures_prevues] "0" heures.sans_prevision (warning) — 21 h carried out while heures_prevues is 0."
    `);
  });

  it('anonymisation guard, with the personal part masked', async () => {
    expect(await lines('anonymat.email')).toMatchInlineSnapshot(`
      "operations.csv:4 [nom_operation] « Hôtel de Région — entretien (contact : •••) » anonymat.email — La cellule semble contenir une adresse e-mail : donnée personnelle interdite (valeur masquée).
      operations.csv:4 [nom_operation] "Hôtel de Région — entretien (contact : •••)" anonymat.email — The cell seems to hold an e-mail address: forbidden personal data (value masked)."
    `);
    expect(await lines('anonymat.telephone')).toMatchInlineSnapshot(`
      "facilitateurs.csv:3 [nom_facilitateur] « PLIE Angers Loire Métropole — ••• » anonymat.telephone — La cellule semble contenir un numéro de téléphone : donnée personnelle interdite (valeur masquée).
      facilitateurs.csv:3 [nom_facilitateur] "PLIE Angers Loire Métropole — •••" anonymat.telephone — The cell seems to hold a phone number: forbidden personal data (value masked)."
    `);
    expect(await lines('anonymat.nir')).toMatchInlineSnapshot(`
      "marches.csv:13 [objet] « Formation des agents à l'accueil du public (agent •••) » anonymat.nir — La cellule semble contenir un numéro de sécurité sociale (NIR) : donnée personnelle interdite (valeur masquée).
      marches.csv:13 [objet] "Formation des agents à l'accueil du public (agent •••)" anonymat.nir — The cell seems to hold a French social security number (NIR): forbidden personal data (value masked)."
    `);
    expect(await lines('anonymat.adresse')).toMatchInlineSnapshot(`
      "operations.csv:2 [nom_operation] « Lycée Jules Verne, ••• » anonymat.adresse — La cellule semble contenir une adresse postale : donnée personnelle interdite (valeur masquée).
      operations.csv:2 [nom_operation] "Lycée Jules Verne, •••" anonymat.adresse — The cell seems to hold a street address: forbidden personal data (value masked)."
    `);
  });

  it('structured issues carry file, physical line, column and raw value', async () => {
    const { report } = await validateFixture('nombre.format');
    expect(report.issues.find((i) => i.rule === 'nombre.format')).toEqual({
      severity: 'error',
      rule: 'nombre.format',
      file: 'marches.csv',
      line: 3,
      column: 'montant',
      value: '412 000 € HT',
      message: {
        fr: 'Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).',
        en: 'Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).',
      },
    });
  });
});
