/**
 * A tiny static file server for the built site, used by the browser tests and the quality scripts.
 *
 * It serves one folder (normally `dist/`) on 127.0.0.1 with an ephemeral port, under the same
 * base path the site was built with (`BASE`), the way a static host would: a folder answers with
 * its `index.html`, a folder without its trailing slash is redirected to it, a missing file gets
 * the site's own `404.html` with status 404. Every request is recorded so that a test can assert
 * that nothing failed.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** One request the server answered. */
export interface ServedRequest {
  method: string;
  /** Path as requested, query string removed, percent-decoded. */
  path: string;
  status: number;
}

export interface StaticServer {
  /** URL of the site's root: origin followed by the base path, ending with `/`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Base path the site was built with (Astro's `base`); default `/`. */
  base?: string;
  /**
   * Compress text responses (brotli or gzip, as the client accepts), as a production host does.
   * Off by default so that tests see the files as they are; Lighthouse runs with it on.
   */
  compress?: boolean;
  /** Send `Cache-Control: max-age=31536000` for assets (files under `_astro/`), as a host would. */
  cacheAssets?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index: binary chunks fetched by its own script.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Content type of a file, from its extension. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|geo\+json|manifest\+json|wasm)|image\/svg)/;

/** `/`, `/sub/`: leading and trailing slash, whatever the input. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export type Resolution = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/**
 * Maps a URL path to a file of `root` as a static host does. Pure apart from `stat`, and exported
 * so that the page-weight script finds the file behind each response the browser received.
 */
export async function resolvePath(root: string, base: string, urlPath: string): Promise<Resolution> {
  const b = normaliseBase(base);
  if (!(urlPath + '/').startsWith(b)) return { kind: 'missing' };
  const rel = urlPath.slice(b.length);
  const absRoot = resolve(root);
  const target = resolve(absRoot, '.' + sep + rel);
  // `resolve` has already collapsed any `..`: what escapes the root is not served.
  if (target !== absRoot && !target.startsWith(absRoot + sep)) return { kind: 'missing' };
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return { kind: 'file', file: target };
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: urlPath + '/' };
    const index = join(target, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return { kind: 'file', file: index };
    return { kind: 'missing' };
  }
  // `/page` served from `page.html`, as most hosts do for Astro's `build.format: 'file'`.
  if (!urlPath.endsWith('/')) {
    const html = target + '.html';
    if ((await stat(html).catch(() => undefined))?.isFile()) return { kind: 'file', file: html };
  }
  return { kind: 'missing' };
}

/** What to answer: a status, headers and either a body or a file to stream. */
interface Reply {
  status: number;
  headers: Record<string, string | number>;
  body?: Buffer | string;
  file?: string;
}

/** Starts the server; resolves once it listens. */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = normaliseBase(options.base);
  const requests: ServedRequest[] = [];
  const compressed = new Map<string, Buffer>();

  async function reply(req: IncomingMessage, path: string | undefined, search: string): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: { Allow: 'GET, HEAD' } };
    if (path === undefined) return { status: 400, headers: {} };
    const found = await resolvePath(root, base, path);
    if (found.kind === 'redirect') return { status: 301, headers: { Location: encodeURI(found.location) + search } };
    let file: string;
    let status = 200;
    if (found.kind === 'file') {
      file = found.file;
    } else {
      status = 404;
      file = join(root, '404.html');
      if (!(await stat(file).catch(() => undefined))?.isFile()) {
        return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found\n' };
      }
    }
    const type = contentType(file);
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': options.cacheAssets && status === 200 && file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = !options.compress || !COMPRESSIBLE.test(type) ? undefined : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
    if (!encoding) return { status, headers, file };
    const key = `${encoding}:${file}`;
    let body = compressed.get(key);
    if (!body) {
      const raw = await readFile(file);
      body = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(raw, { level: 9 });
      compressed.set(key, body);
    }
    return { status, headers: { ...headers, 'Content-Encoding': encoding, Vary: 'Accept-Encoding' }, body };
  }

  async function send(req: IncomingMessage, res: ServerResponse, answer: Reply): Promise<void> {
    const length = answer.file ? (await stat(answer.file)).size : Buffer.byteLength(answer.body ?? '');
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': length });
    if (req.method === 'HEAD' || (!answer.file && answer.body === undefined)) {
      res.end();
    } else if (answer.file) {
      createReadStream(answer.file)
        .on('error', () => res.destroy())
        .pipe(res);
    } else {
      res.end(answer.body);
    }
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      // Prefixed rather than resolved, so that a path starting with `//` stays a path.
      url = new URL(`http://x${req.url ?? '/'}`);
    } catch {
      requests.push({ method, path: req.url ?? '', status: 400 });
      res.writeHead(400).end();
      return;
    }
    let path: string | undefined;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape: answered 400.
    }
    let recorded = false;
    const record = (status: number) => {
      if (!recorded) requests.push({ method, path: path ?? url.pathname, status });
      recorded = true;
    };
    reply(req, path, url.search)
      .then(async (answer) => {
        // Recorded before the body goes out: a client that has read the response finds it logged.
        record(answer.status);
        await send(req, res, answer);
      })
      .catch(() => {
        record(500);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  // Browsers keep connections alive; don't let them hold `close()` up.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
