/**
 * The link preview image of a chart (Open Graph, Twitter card, oEmbed thumbnail): a 1200 × 630 PNG
 * made at build time from the chart's SVG, with its title, subtitle, source and licence drawn on
 * it. Rasterised by resvg (@resvg/resvg-js: a Rust renderer shipped prebuilt inside its npm
 * package) with DejaVu Sans embedded (dejavu-fonts-ttf), system fonts off: the picture is the same
 * on every machine that builds it. Build time only.
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { t } from '../i18n/index.ts';
import { esc, wrap, type ChartModel } from './charts.ts';
import { PREVIEW } from './seo.ts';

const FONT = 'DejaVu Sans';
/** DejaVu Sans regular and bold, from the project's node_modules. */
function fontFiles(): string[] {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
}

/** The preview as SVG: site name, title, subtitle, the chart scaled into the free space, source and licence. */
export function previewSvg(model: ChartModel, siteName: string): string {
  const { width, height } = PREVIEW;
  const pad = 48;
  const parts: string[] = [];
  let y = pad + 8;
  parts.push(`<text x="${pad}" y="${y}" font-size="22" fill="#000091" font-weight="700">${esc(siteName)}</text>`);
  y += 48;
  for (const line of wrap(model.title, 52).slice(0, 2)) {
    parts.push(`<text x="${pad}" y="${y}" font-size="38" font-weight="700">${esc(line)}</text>`);
    y += 46;
  }
  parts.push(`<text x="${pad}" y="${y - 8}" font-size="22" fill="#3a3a3a">${esc(model.subtitle)}</text>`);
  y += 12;
  if (model.legend.length) {
    // The series' colours, on one line (the chart's own legend is HTML, not in its SVG).
    let x = pad;
    for (const item of model.legend) {
      const w = 30 + item.label.length * 10;
      if (x + w > width - pad) break;
      parts.push(`<rect x="${x}" y="${y - 4}" width="16" height="16" fill="${item.color}"/><text x="${x + 22}" y="${y + 10}" font-size="18">${esc(item.label)}</text>`);
      x += w + 16;
    }
    y += 28;
  }
  const footer = model.footer.flatMap((f) => wrap(f, 105)).slice(0, 3);
  const footerTop = height - pad + 8 - 26 * footer.length;
  const innerHeight = Number(/viewBox="0 0 \d+(?:\.\d+)? (\d+(?:\.\d+)?)"/.exec(model.inner)?.[1] ?? 300);
  const boxHeight = footerTop - 16 - y;
  parts.push(`<svg x="${pad}" y="${y}" width="${width - 2 * pad}" height="${boxHeight}" viewBox="0 0 640 ${innerHeight}" preserveAspectRatio="xMidYMid meet">${model.inner}</svg>`);
  footer.forEach((line, i) => parts.push(`<text x="${pad}" y="${footerTop + 26 * (i + 1) - 6}" font-size="19" fill="#3a3a3a">${esc(line)}</text>`));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" fill="#161616">` +
    `<rect width="100%" height="100%" fill="#fff"/><rect width="100%" height="8" fill="#000091"/>${parts.join('')}</svg>`
  );
}

/** The preview as PNG bytes. */
export function previewPng(model: ChartModel): Uint8Array<ArrayBuffer> {
  const svg = previewSvg(model, t(model.lang, 'site.name'));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: PREVIEW.width },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return Uint8Array.from(resvg.render().asPng());
}
