/**
 * A deliberately small Markdown to HTML converter for the release's own text files (CHANGELOG.md):
 * headings, paragraphs, lists, pipe tables, `> quotes`, `code`, **bold**, *emphasis* and
 * [links](url). Everything else is escaped, so the output is safe whatever the file contains.
 * Headings are shifted by `shift` levels to fit under the page's own headings.
 *
 * The release writes its changelog in both languages, « français / English » in each heading, line
 * and column name: with `lang`, only that language's side of such a pair is kept. Pure.
 */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(s: string): string {
  return escape(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|[^)\s:]+)\)/g, '<a href="$2">$1</a>');
}

/** « Tables ajoutées / Tables added » → the side of `lang`; text without one ` / ` stays whole. */
export function sideOf(text: string, lang: 'fr' | 'en' | undefined): string {
  if (!lang) return text;
  const parts = text.split(' / ');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '' || /`[^`]*$/.test(parts[0] as string))) return text;
  return (lang === 'fr' ? parts[0] : parts[1])!.trim();
}

const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** A pipe table: the first column as row headers, right-aligned columns as numbers; stacks on a phone. */
function tableHtml(rows: string[], lang: 'fr' | 'en' | undefined): string {
  const [head = '', rule = '', ...body] = rows;
  const names = cellsOf(head).map((c) => sideOf(c, lang));
  const right = cellsOf(rule).map((c) => /-:$/.test(c));
  const cls = (i: number) => (right[i] ? ' class="num"' : '');
  const th = names.map((n, i) => `<th scope="col"${cls(i)}>${inline(n)}</th>`).join('');
  const tr = body.map(
    (r) =>
      `<tr>${cellsOf(r)
        .map((c, i) => (i === 0 ? `<th scope="row">${inline(sideOf(c, lang))}</th>` : `<td${cls(i)} data-label="${escape(names[i] ?? '')}">${inline(sideOf(c, lang))}</td>`))
        .join('')}</tr>`,
  );
  return `<table class="stack"><thead><tr>${th}</tr></thead><tbody>${tr.join('')}</tbody></table>`;
}

export function markdownToHtml(md: string, shift = 2, lang?: 'fr' | 'en'): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let para: string[] = [];
  let table: string[] = [];
  const endTable = () => {
    if (table.length) out.push(tableHtml(table, lang));
    table = [];
  };
  const flush = () => {
    if (para.length) out.push(`<p>${inline(sideOf(para.join(' '), lang))}</p>`);
    para = [];
  };
  const close = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    const li = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      close();
      table.push(line);
      continue;
    }
    endTable();
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      close();
      out.push(`<blockquote><p>${inline(quote[1] as string)}</p></blockquote>`);
    } else if (h) {
      flush();
      close();
      const level = Math.min(6, (h[1] as string).length + shift);
      out.push(`<h${level}>${inline(sideOf(h[2] as string, lang))}</h${level}>`);
    } else if (li) {
      flush();
      const kind = /\d/.test(li[1] as string) ? 'ol' : 'ul';
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(sideOf(li[2] as string, lang))}</li>`);
    } else if (line.trim() === '') {
      flush();
      close();
    } else if (list && /^\s+/.test(raw)) {
      // continuation of a list item
      out[out.length - 1] = (out[out.length - 1] as string).replace(/<\/li>$/, ` ${inline(line.trim())}</li>`);
    } else {
      close();
      para.push(line.trim());
    }
  }
  endTable();
  flush();
  close();
  return out.join('\n');
}
