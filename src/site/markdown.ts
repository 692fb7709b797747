/**
 * A deliberately small Markdown to HTML converter for the release's own text files (CHANGELOG.md):
 * headings, paragraphs, lists, `code`, **bold**, *emphasis* and [links](url). Everything else is
 * escaped, so the output is safe whatever the file contains. Headings are shifted by `shift` levels
 * to fit under the page's own headings. Pure.
 */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(s: string): string {
  return escape(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|[^)\s:]+)\)/g, '<a href="$2">$1</a>');
}

export function markdownToHtml(md: string, shift = 2): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
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
    if (h) {
      flush();
      close();
      const level = Math.min(6, (h[1] as string).length + shift);
      out.push(`<h${level}>${inline(h[2] as string)}</h${level}>`);
    } else if (li) {
      flush();
      const kind = /\d/.test(li[1] as string) ? 'ol' : 'ul';
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(li[2] as string)}</li>`);
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
  flush();
  close();
  return out.join('\n');
}
