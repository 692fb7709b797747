/**
 * Strings of the « Publier vos données » guide and the standard page, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 *
 * Keys ending in `.html` hold trusted HTML written here; their `{placeholders}` are filled by the
 * page with links computed by `href()`/`asset()`, so the text works under a sub-path.
 */
import type { Bilingual } from '../../lib/lang.ts';

export const publish = {
  'page.publish': { fr: 'Publier vos données', en: 'Publish your data' },
  'page.standard': { fr: 'Le standard de données', en: 'The data standard' },

  // ------------------------------------------------------------------ the standard page
  'standard.lead': {
    fr: 'Le contrat de données du kit, publié comme un standard ouvert et versionné : un autre acheteur qui produit ces fichiers peut utiliser le kit tel quel, et chacun peut vérifier ses fichiers avec des outils Table Schema. Il suit les conventions du catalogue des schémas de données publiques (schema.data.gouv.fr) : un dossier par table avec schema.json, exemple-valide.csv et README.md.',
    en: "The kit's data contract, published as an open, versioned standard: another buyer who produces these files can use the kit as it is, and anyone can check their files with Table Schema tools. It follows the conventions of the French public data schema catalogue (schema.data.gouv.fr): one folder per table with schema.json, exemple-valide.csv and README.md.",
  },
  'standard.versionLine': {
    fr: 'Version {version} du {date}, numérotée selon la gestion sémantique de version (majeure.mineure.correctif).',
    en: 'Version {version} of {date}, numbered with semantic versioning (major.minor.patch).',
  },
  'standard.generated': {
    fr: 'Les schémas, les exemples et les descriptions sont générés à partir des schémas du validateur du kit : le standard, le validateur et ce site ne peuvent pas se contredire.',
    en: "The schemas, examples and descriptions are generated from the schemas of the kit's validator: the standard, the validator and this site cannot disagree.",
  },
  'standard.download': { fr: 'Télécharger tout le standard', en: 'Download the whole standard' },
  'standard.tables': { fr: 'Les tables', en: 'The tables' },
  'standard.tablesLead': {
    fr: "Un dossier d'éditeur contient {n} tables CSV et un fichier de métadonnées. Les tables de données personnelles restent chez l'éditeur, qui les valide et les agrège : seuls des agrégats protégés par le secret statistique sont publiés.",
    en: 'A publisher folder holds {n} CSV tables and a metadata file. Tables of personal data stay with the publisher, who validates and aggregates them: only aggregates protected by disclosure control are published.',
  },
  'standard.tablesCaption': { fr: 'Tables du standard, version {version}', en: 'Tables of the standard, version {version}' },
  'standard.table': { fr: 'Table', en: 'Table' },
  'standard.description': { fr: 'Description', en: 'Description' },
  'standard.fields': { fr: 'Champs', en: 'Fields' },
  'standard.files': { fr: 'Fichiers', en: 'Files' },
  'standard.key': { fr: 'Clé : {key}.', en: 'Key: {key}.' },
  'standard.personal': { fr: 'Données personnelles.', en: 'Personal data.' },
  'standard.metadata': { fr: "Métadonnées de l'éditeur", en: 'Publisher metadata' },
  'standard.metadataDescription': {
    fr: 'Qui publie, le territoire, la période couverte, le seuil du secret statistique, la version : un fichier JSON décrit par un JSON Schema.',
    en: 'Who publishes, the territory, the period covered, the disclosure threshold, the version: a JSON file described by a JSON Schema.',
  },
  'standard.keys': { fr: '{n} clés', en: '{n} keys' },
  'standard.other': { fr: "Fichiers d'ensemble", en: 'Standard-wide files' },
  'standard.otherCaption': { fr: "Fichiers d'ensemble du standard", en: 'Standard-wide files' },
  'standard.file.archive': { fr: 'Tout le standard, dossier par dossier', en: 'The whole standard, folder by folder' },
  'standard.file.readme': {
    fr: 'Présentation : les tables, le fichier de métadonnées, les formats CSV acceptés, les règles de validation (en français puis en anglais)',
    en: 'Overview: the tables, the metadata file, the accepted CSV forms, the validation rules (in French, then English)',
  },
  'standard.file.datapackage': {
    fr: 'Data Package : relie chaque exemple à son schéma, les clés étrangères se résolvent entre tables',
    en: 'Data Package: ties each example to its schema; foreign keys resolve between tables',
  },
  'standard.file.changelog': { fr: 'Historique des versions', en: 'Version history' },
  'standard.file.dictionary': {
    fr: 'Dictionnaire des données : un champ par ligne, avec type, contraintes et valeurs permises',
    en: 'Data dictionary: one field per row, with type, constraints and allowed values',
  },
  'standard.validate': { fr: 'Valider des fichiers', en: 'Validating files' },
  'standard.validateKit.html': {
    fr: '<strong>Avec le kit</strong> : placez vos fichiers dans <code>data/&lt;votre-id&gt;/</code> puis lancez <code>npm run validate</code>. Chaque problème est signalé avec le fichier, la ligne, la colonne, la valeur et la règle, en français et en anglais.',
    en: '<strong>With the kit</strong>: put your files in <code>data/&lt;your-id&gt;/</code> and run <code>npm run validate</code>. Every problem is reported with its file, line, column, value and rule, in French and English.',
  },
  'standard.validateBrowser.html': {
    fr: '<strong>Dans le navigateur</strong> : la page <a href="{checker}">{checkerName}</a> applique les mêmes schémas et les mêmes règles ; vos fichiers ne quittent pas votre ordinateur.',
    en: '<strong>In the browser</strong>: the <a href="{checker}">{checkerName}</a> page applies the same schemas and rules; your files never leave your computer.',
  },
  'standard.validateTools.html': {
    fr: '<strong>Avec un outil Table Schema</strong> : chaque schema.json est un Table Schema. <a href="https://validata.fr/" hreflang="fr">Validata</a>, le validateur en ligne associé à schema.data.gouv.fr, accepte l\'adresse d\'un schéma ; en ligne de commande, <a href="https://framework.frictionlessdata.io/" hreflang="en">frictionless</a> valide les exemples entre eux ou vos fichiers un par un :',
    en: '<strong>With a Table Schema tool</strong>: each schema.json is a Table Schema. <a href="https://validata.fr/" hreflang="fr">Validata</a>, the online validator linked to schema.data.gouv.fr, accepts the address of a schema; on the command line, <a href="https://framework.frictionlessdata.io/" hreflang="en">frictionless</a> validates the examples together or your files one by one:',
  },
  'standard.validateToolsLabel': { fr: 'Commandes frictionless', en: 'frictionless commands' },
  'standard.validateToolsNote': {
    fr: 'Ces outils lisent la forme canonique (UTF-8, dates ISO, point décimal, codes canoniques) et ne connaissent pas les règles entre tables propres au kit. Le kit accepte en plus les exports Excel (Windows-1252, point-virgule, virgule décimale, dates JJ/MM/AAAA).',
    en: "These tools read the canonical form (UTF-8, ISO dates, dot decimals, canonical codes) and do not know the kit's cross-table rules. The kit also accepts Excel exports (Windows-1252, semicolons, decimal commas, DD/MM/YYYY dates).",
  },
  'standard.versions': { fr: 'Versions', en: 'Versions' },
  'standard.versionsLead.html': {
    fr: 'Du point de vue de qui produit les fichiers : version <strong>majeure</strong> quand un fichier valide hier peut être refusé demain (colonne obligatoire ajoutée, colonne retirée, contrainte resserrée) ; <strong>mineure</strong> quand tout fichier valide le reste (colonne facultative, code ajouté) ; <strong>correctif</strong> quand les fichiers ne sont pas concernés (descriptions, traductions, exemples).',
    en: 'From the point of view of whoever produces the files: a <strong>major</strong> version when a file valid yesterday may be refused tomorrow (a required column added, a column removed, a constraint tightened); <strong>minor</strong> when every valid file stays valid (an optional column, a new code); <strong>patch</strong> when files are not concerned (descriptions, translations, examples).',
  },
  'standard.entry': { fr: 'Version {version} du {date} ({kind})', en: 'Version {version} of {date} ({kind})' },
  'standard.kind.majeure': { fr: 'version majeure', en: 'major version' },
  'standard.kind.mineure': { fr: 'version mineure', en: 'minor version' },
  'standard.kind.correctif': { fr: 'correctif', en: 'patch' },
  'standard.licence.html': {
    fr: 'Le standard est publié sous la <a href="{url}" hreflang="fr">{licence}</a>. Pour publier vos propres données avec le kit, suivez le guide <a href="{publish}">{publishName}</a>.',
    en: 'The standard is published under the <a href="{url}" hreflang="fr">{licence}</a>. To publish your own data with the kit, follow the <a href="{publish}">{publishName}</a> guide.',
  },

  // ------------------------------------------------------------------ the publishing guide
  'publish.lead': {
    fr: "Ce site est produit par un kit libre : tout acheteur public qui suit les clauses d'insertion de ses marchés peut publier ses propres données de la même façon, sur un simple hébergement de fichiers statiques, sans serveur ni base de données. Voici les étapes, de la copie du code au site en ligne.",
    en: 'This site is produced by an open kit: any public buyer who follows the insertion clauses of its contracts can publish its own data the same way, on plain static file hosting, with no server and no database. Here are the steps, from copying the code to the site online.',
  },
  'publish.steps': { fr: 'Les étapes', en: 'The steps' },
  'publish.commands': { fr: 'Commandes', en: 'Commands' },
  'publish.fileText': { fr: 'Contenu de {file}', en: 'Contents of {file}' },

  'publish.install': { fr: '1. Installer le kit', en: '1. Install the kit' },
  'publish.install.html': {
    fr: "Il faut <code>git</code> et <code>npm</code> (n'importe quel Node.js récent suffit pour lancer npm). <code>npm ci</code> installe les dépendances exactes du projet <em>et</em> son propre Node {node} (la dépendance de développement <code>node</code>), que tous les scripts npm utilisent : aucune version de Node à gérer. Ni base de données, ni serveur.",
    en: "You need <code>git</code> and <code>npm</code> (any recent Node.js will do to run npm). <code>npm ci</code> installs the project's exact dependencies <em>and</em> its own Node {node} (the <code>node</code> devDependency), which every npm script uses: no Node version to manage. No database, no server.",
  },
  'publish.install.cmd': {
    fr: 'git clone <adresse-du-dépôt> clauses-insertion\ncd clauses-insertion\nnpm ci',
    en: 'git clone <repository-url> clauses-insertion\ncd clauses-insertion\nnpm ci',
  },

  'publish.data': { fr: '2. Déposer vos fichiers', en: '2. Put your files in place' },
  'publish.data.html': {
    fr: '<code>npm run init -- &lt;votre-id&gt;</code> (minuscules, chiffres et tirets, par exemple <code>departement-exemple</code>) crée <code>data/&lt;votre-id&gt;/</code> avec <code>metadonnees.json</code> à compléter et <code>donnees.xlsx</code>, les {n} tables du <a href="{standard}">standard de données</a> à remplir dans Excel (une feuille par table, listes déroulantes des codes) ; les mêmes tables en CSV sont dans <code>modeles/</code>. Avec plusieurs dossiers, la construction dit lequel le site présente et pourquoi (la variable <code>EDITEUR</code> le choisit), et refuse un dossier synthétique (l’exemple livré avec le kit) à côté de vraies données : retirez-le.',
    en: '<code>npm run init -- &lt;your-id&gt;</code> (lower case, digits and hyphens, e.g. <code>departement-exemple</code>) creates <code>data/&lt;your-id&gt;/</code> with <code>metadonnees.json</code> to complete and <code>donnees.xlsx</code>, the {n} tables of the <a href="{standard}">data standard</a> to fill in Excel (one sheet per table, drop-down code lists); the same tables as CSV are in <code>modeles/</code>. With several folders, the build says which one the site presents and why (the <code>EDITEUR</code> variable chooses it), and refuses a synthetic folder (the sample shipped with the kit) next to real data: remove it.',
  },
  'publish.folderCaption': { fr: 'Contenu de data/<votre-id>/', en: 'Contents of data/<your-id>/' },
  'publish.personal': { fr: 'personnel : reste chez vous', en: 'personal: stays with you' },
  'publish.example.html': {
    fr: 'Pour partir d\'un exemple valide, téléchargez <a href="{zip}">l\'archive du standard</a> : chaque table y a son <code>exemple-valide.csv</code>, complété par <code>metadonnees/exemple-valide.json</code>.',
    en: 'To start from a valid example, download <a href="{zip}">the archive of the standard</a>: each table has its <code>exemple-valide.csv</code>, completed by <code>metadonnees/exemple-valide.json</code>.',
  },
  'publish.metadata': { fr: 'Le fichier metadonnees.json', en: 'The metadonnees.json file' },
  'publish.metadataCaption': { fr: 'Clés de metadonnees.json', en: 'Keys of metadonnees.json' },
  'publish.metadataKey': { fr: 'Clé', en: 'Key' },
  'publish.metadataType': { fr: 'Type', en: 'Type' },
  'publish.metadataRequired': { fr: 'Obligatoire', en: 'Required' },
  'publish.yes': { fr: 'oui', en: 'yes' },
  'publish.no': { fr: 'non', en: 'no' },
  'publish.formats': { fr: 'Formats acceptés', en: 'Accepted formats' },
  'publish.formats.html': {
    fr: 'Les classeurs Excel (<code>.xlsx</code>, une feuille par table) et les exports CSV conviennent tels quels : encodage UTF-8 ou Windows-1252, séparateur point-virgule, virgule ou tabulation, virgule décimale (<code>1 234,5</code>) et <code>€</code> en fin de montant, dates <code>JJ/MM/AAAA</code> ou <code>AAAA-MM-JJ</code>, mois <code>MM/AAAA</code> ou <code>mars-22</code>, codes en clair (« Clause sociale ») ou canoniques, espaces en trop et colonnes vides <code>;;;</code> retirés. Une colonne hors du standard est refusée : c\'est une protection de l\'anonymat. Le détail de chaque champ est dans le <a href="{standard}">standard</a>.',
    en: 'Excel workbooks (<code>.xlsx</code>, one sheet per table) and CSV exports are fine as they are: UTF-8 or Windows-1252 encoding, semicolon, comma or tab delimiter, decimal comma (<code>1 234,5</code>) and <code>€</code> after amounts, <code>DD/MM/YYYY</code> or <code>YYYY-MM-DD</code> dates, months <code>MM/YYYY</code> or <code>mars-22</code>, codes as labels ("Clause sociale") or canonical, stray spaces and empty <code>;;;</code> columns removed. A column outside the standard is refused: it protects anonymity. Every field is detailed in the <a href="{standard}">standard</a>.',
  },
  'publish.secret': { fr: 'Secret statistique', en: 'Disclosure control' },
  'publish.secret.html': {
    fr: 'Les tables {personal} sont des données personnelles pseudonymisées : elles restent sur votre machine, le kit les valide et les agrège, et seuls des agrégats sont publiés. Aucune case publiée ne compte moins de <em>k</em> personnes, avec un secret secondaire pour qu\'une case masquée ne puisse pas être retrouvée par différence. <em>k</em> vaut {k} par défaut ; la clé <code>seuil_secret</code> le change (11 est le seuil prudent des données fiscales individuelles). Voir la <a href="{methodology}">méthodologie</a>.',
    en: 'Tables {personal} are pseudonymised personal data: they stay on your machine, the kit validates and aggregates them, and only aggregates are published. No published cell counts fewer than <em>k</em> persons, with secondary suppression so that a hidden cell cannot be recovered by difference. <em>k</em> is {k} by default; the <code>seuil_secret</code> key changes it (11 is the cautious threshold of individual tax data). See the <a href="{methodology}">methodology</a>.',
  },

  'publish.validate': { fr: '3. Valider', en: '3. Validate' },
  'publish.validate.html': {
    fr: '<code>npm run validate</code> vérifie chaque dossier de <code>data/</code> (ou un seul : <code>npm run validate -- data/&lt;votre-id&gt;</code>) et affiche le rapport en français et en anglais : chaque problème avec le fichier, la ligne, la colonne, la valeur et la règle. Une <strong>erreur</strong> bloque la publication, un <strong>avertissement</strong> non. Recommencez jusqu\'à ce qu\'il ne reste aucune erreur. Sans installer le kit, la page <a href="{checker}">{checkerName}</a> fait la même vérification dans le navigateur.',
    en: '<code>npm run validate</code> checks every folder of <code>data/</code> (or one: <code>npm run validate -- data/&lt;your-id&gt;</code>) and prints the report in French and English: every problem with its file, line, column, value and rule. An <strong>error</strong> blocks publication, a <strong>warning</strong> does not. Repeat until no error is left. Without installing the kit, the <a href="{checker}">{checkerName}</a> page runs the same checks in the browser.',
  },
  'publish.validate.cmd': { fr: 'npm run validate -- data/<votre-id>', en: 'npm run validate -- data/<your-id>' },

  'publish.build': { fr: '4. Construire le site', en: '4. Build the site' },
  'publish.build.html': {
    fr: "<code>npm run build</code> valide à nouveau les données, calcule les indicateurs, applique le secret statistique, écrit les fichiers publiés (CSV, JSON, XLSX, Data Package, archive) et construit le site et son index de recherche dans <code>dist/</code>. C'est tout ou rien : à la moindre erreur, rien n'est publié et <code>dist/</code> reste tel quel. Deux variables d'environnement donnent l'adresse publique : <code>SITE</code>, l'origine (liens canoniques), et <code>BASE</code>, le sous-chemin (<code>/</code> par défaut). Pour les seuls fichiers publiés, sans les pages (un portail de données, un très gros jeu) : <code>npm run build -- --data-only</code>.",
    en: '<code>npm run build</code> validates the data again, computes the indicators, applies disclosure control, writes the published files (CSV, JSON, XLSX, Data Package, archive) and builds the site and its search index into <code>dist/</code>. It is all or nothing: on any error nothing is published and <code>dist/</code> is left as it was. Two environment variables give the public address: <code>SITE</code>, the origin (canonical links), and <code>BASE</code>, the sub-path (<code>/</code> by default). For the published files alone, without the pages (a data portal, a very large dataset): <code>npm run build -- --data-only</code>.',
  },
  'publish.build.cmd': {
    fr: 'npm run build\nSITE=https://donnees.exemple.fr BASE=/clauses/ npm run build',
    en: 'npm run build\nSITE=https://data.example.org BASE=/clauses/ npm run build',
  },

  'publish.look': { fr: '5. Regarder le résultat', en: '5. Look at the result' },
  'publish.look.html': {
    fr: "<code>dist/</code> contient tout le site : une page <code>index.html</code> par adresse, en français à la racine et en anglais sous <code>en/</code>, les fichiers publiés sous <code>donnees/</code>, l'index de recherche sous <code>pagefind/</code>. <code>npx astro preview</code> le sert sur votre machine, sous le même <code>BASE</code>. <code>npm run check:site</code> le parcourt dans Chromium : accessibilité, liens, HTML valide, poids des pages.",
    en: '<code>dist/</code> holds the whole site: one <code>index.html</code> page per address, French at the root and English under <code>en/</code>, the published files under <code>donnees/</code>, the search index under <code>pagefind/</code>. <code>npx astro preview</code> serves it on your machine, under the same <code>BASE</code>. <code>npm run check:site</code> walks through it in Chromium: accessibility, links, valid HTML, page weight.',
  },

  'publish.deploy': { fr: '6. Mettre en ligne', en: '6. Deploy' },
  'publish.deploy.html': {
    fr: "Les fichiers de niveau participant (<code>participants.csv</code>, <code>heures.csv</code>) ne quittent jamais votre poste, et ne vont dans aucun dépôt : on construit le site chez soi, puis on met en ligne le site construit, lui seul. <code>npm run deploy</code> enregistre le contenu de <code>dist/</code> dans une branche <code>site</code> de votre dépôt, sans le code ni le dossier <code>data/</code> et sans historique commun avec eux ; <code>npm run deploy -- --push</code> l'envoie. Ne lancez pas la construction dans l'intégration continue d'une forge : il faudrait y mettre les fichiers personnels. Le <code>.gitignore</code> du kit ignore les fichiers de niveau participant de chaque dossier de <code>data/</code> (sauf l'exemple synthétique), et <code>npm run deploy</code> refuse de continuer si git en suit un d'un éditeur dont les données ne sont pas synthétiques. Le site ne fait appel à aucun service tiers : tout hébergement de fichiers statiques convient.",
    en: "The participant-level files (<code>participants.csv</code>, <code>heures.csv</code>) never leave your computer and go into no repository: you build the site at home, then put the built site online, and nothing else. <code>npm run deploy</code> records the contents of <code>dist/</code> in a <code>site</code> branch of your repository, without the code or the <code>data/</code> folder and with no history in common with them; <code>npm run deploy -- --push</code> sends it. Do not run the build in a forge's continuous integration: the personal files would have to be there. The kit's <code>.gitignore</code> ignores the participant-level files of every folder of <code>data/</code> (except the synthetic sample), and <code>npm run deploy</code> stops if git tracks one of a publisher whose data are not synthetic. The site calls no third-party service: any static file hosting will do.",
  },
  'publish.deploy.github': {
    fr: "Construisez avec l'adresse du site (<code>SITE=https://&lt;compte&gt;.github.io BASE=/&lt;dépôt&gt;/ npm run build</code>, ou votre domaine et <code>BASE=/</code>), lancez <code>npm run deploy -- --push</code>, puis dans le dépôt : Settings → Pages → Source : « Deploy from a branch », branche <code>site</code>, dossier <code>/ (root)</code>. Aucun fichier à ajouter : la branche contient le site tel quel (avec un fichier <code>.nojekyll</code>, pour que GitHub serve le dossier <code>_astro/</code>).",
    en: 'Build with the address of the site (<code>SITE=https://&lt;owner&gt;.github.io BASE=/&lt;repository&gt;/ npm run build</code>, or your domain and <code>BASE=/</code>), run <code>npm run deploy -- --push</code>, then in the repository: Settings → Pages → Source: "Deploy from a branch", branch <code>site</code>, folder <code>/ (root)</code>. No file to add: the branch holds the site as it is (with a <code>.nojekyll</code> file, so that GitHub serves the <code>_astro/</code> folder).',
  },
  'publish.deploy.other': {
    fr: 'Ailleurs (le serveur web de votre collectivité, un stockage objet…) : copiez le contenu de <code>dist/</code>, par exemple avec <code>rsync -a --delete dist/ serveur:/var/www/clauses/</code>.',
    en: "Elsewhere (your organisation's web server, object storage…): copy the contents of <code>dist/</code>, for example with <code>rsync -a --delete dist/ server:/var/www/clauses/</code>.",
  },
  'publish.kitFile.html': {
    fr: '<code>npm run deploy</code> l\'écrit à la racine de la branche <code>site</code> (<code>{target}</code>) : <a href="{href}" download>{file}</a> ({size}).',
    en: '<code>npm run deploy</code> writes it at the root of the <code>site</code> branch (<code>{target}</code>): <a href="{href}" download>{file}</a> ({size}).',
  },
  'publish.kit.gitlab': {
    fr: "Construisez avec l'adresse de GitLab Pages (<code>SITE=https://&lt;groupe&gt;.gitlab.io BASE=/&lt;projet&gt;/ npm run build</code>), puis <code>npm run deploy -- --push</code>. Le job de ce fichier publie la branche <code>site</code> telle quelle : il ne construit rien, n'installe rien et ne voit jamais les données.",
    en: 'Build with the GitLab Pages address (<code>SITE=https://&lt;group&gt;.gitlab.io BASE=/&lt;project&gt;/ npm run build</code>), then <code>npm run deploy -- --push</code>. The job of this file publishes the <code>site</code> branch as it is: it builds nothing, installs nothing and never sees the data.',
  },

  'publish.subpath': { fr: '7. Servir le site sous un sous-chemin', en: '7. Serve the site under a sub-path' },
  'publish.subpath.html': {
    fr: "Pour un site à l'adresse <code>https://www.exemple.fr/clauses/</code>, construisez avec <code>BASE=/clauses/</code> et copiez <code>dist/</code> dans le dossier <code>clauses/</code> de l'hébergement. Chaque lien, feuille de style, script et fichier téléchargeable passe par ce préfixe (aucune page n'écrit d'adresse en dur), la recherche (Pagefind) charge son index sous <code>/clauses/pagefind/</code> et la page {checkerName} charge son code de validation sous <code>/clauses/</code>. Les tests du navigateur vérifient un site construit ainsi : <code>BASE=/clauses/ npm run test:browser</code>.",
    en: 'For a site at <code>https://www.example.org/clauses/</code>, build with <code>BASE=/clauses/</code> and copy <code>dist/</code> into the <code>clauses/</code> folder of the host. Every link, stylesheet, script and download goes through this prefix (no page writes an address by hand), search (Pagefind) loads its index under <code>/clauses/pagefind/</code> and the {checkerName} page loads its validation code under <code>/clauses/</code>. The browser tests check a site built this way: <code>BASE=/clauses/ npm run test:browser</code>.',
  },

  'publish.update': { fr: '8. Publier une nouvelle version', en: '8. Publish a new release' },
  'publish.update.html': {
    fr: "À chaque nouvelle version des données, changez <code>version</code> et <code>date_publication</code> dans <code>metadonnees.json</code> : les dates viennent de ce fichier, jamais de l'horloge, si bien que deux constructions donnent les mêmes fichiers. Le journal des modifications compare la publication avec l'historique facultatif <code>data/&lt;votre-id&gt;/publications.json</code>, que <code>npx tsx scripts/archive-release.ts &lt;votre-id&gt;</code> complète après chaque mise en ligne.",
    en: 'For every new release of the data, change <code>version</code> and <code>date_publication</code> in <code>metadonnees.json</code>: dates come from this file, never from the clock, so two builds give the same files. The changelog compares the release with the optional history <code>data/&lt;your-id&gt;/publications.json</code>, which <code>npx tsx scripts/archive-release.ts &lt;your-id&gt;</code> extends after each deployment.',
  },
} as const satisfies Record<string, Bilingual>;
