import { expect, test } from 'vitest';
import { toCsv } from '../../src/site/csv.ts';
import { markdownToHtml } from '../../src/site/markdown.ts';
import type { Column } from '../../src/site/schema.ts';

const col = (nom: string, type: Column['type'] = 'string'): Column => ({ nom, type, role: 'dimension', titre: { fr: nom, en: nom } });

test('CSV keeps secret as the word, missing as empty, quotes what needs it', () => {
  const csv = toCsv(
    [col('objet'), col('heures', 'number'), col('critere', 'boolean')],
    [
      { objet: 'Lycée "A", lot 1', heures: 'secret', critere: true },
      { objet: 'B', heures: null, critere: false },
      { objet: 'C', heures: 0, critere: null },
    ],
  );
  expect(csv).toBe('objet,heures,critere\r\n"Lycée ""A"", lot 1",secret,true\r\nB,,false\r\nC,0,\r\n');
});

test('Markdown: headings shifted, lists, inline marks; HTML escaped', () => {
  const html = markdownToHtml('# Titre\n\n## 2019.1 — 2019-03-15\n- **Première** publication\n- `code` <b>x</b>\n\nTexte [lien](https://example.org).', 1);
  expect(html).toBe(
    [
      '<h2>Titre</h2>',
      '<h3>2019.1 — 2019-03-15</h3>',
      '<ul>',
      '<li><strong>Première</strong> publication</li>',
      '<li><code>code</code> &lt;b&gt;x&lt;/b&gt;</li>',
      '</ul>',
      '<p>Texte <a href="https://example.org">lien</a>.</p>',
    ].join('\n'),
  );
  expect(markdownToHtml('[x](javascript:alert(1))')).not.toContain('href');
});

test('Markdown: a pipe table renders as a table (never raw pipes); a bilingual changelog keeps the page language', () => {
  const md = '## Tables ajoutées / Tables added\n\nAucune. / None.\n\n| table | avant / before | après / after |\n|---|---:|---:|\n| `heures-par-annee` | 6 | 7 |\n';
  const en = markdownToHtml(md, 1, 'en');
  expect(en).not.toContain('|');
  expect(en).toContain('<h3>Tables added</h3>');
  expect(en).toContain('<p>None.</p>');
  expect(en).toContain('<th scope="col" class="num">before</th>');
  expect(en).toContain('<th scope="row"><code>heures-par-annee</code></th><td class="num" data-label="before">6</td>');
  const fr = markdownToHtml(md, 1, 'fr');
  expect(fr).toContain('<h3>Tables ajoutées</h3>');
  expect(fr).toContain('<th scope="col" class="num">avant</th>');
  // Without a language, text stays whole.
  expect(markdownToHtml(md, 1)).toContain('<h3>Tables ajoutées / Tables added</h3>');
});
