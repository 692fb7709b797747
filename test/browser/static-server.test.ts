import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, normaliseBase, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-server-'));
  await mkdir(join(root, 'heures'));
  await mkdir(join(root, 'donnees'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Accueil</title>');
  await writeFile(join(root, 'heures', 'index.html'), '<!doctype html><title>Heures</title>');
  await writeFile(join(root, '404.html'), '<!doctype html><title>Introuvable</title>');
  await writeFile(join(root, 'donnees', 'heures.csv'), 'annee,heures\n2023,10\n');
  await writeFile(join(root, 'secret.txt'), 'outside the base');
});

describe('serveStatic at the root', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves a folder from its index.html', async () => {
    const response = await fetch(server.url + 'heures/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Heures</title>');
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const response = await fetch(server.url + 'heures?annee=2023', { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/heures/?annee=2023');
  });

  it('serves files with their content type, and answers HEAD without a body', async () => {
    const response = await fetch(server.url + 'donnees/heures.csv', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('21');
    expect(await response.text()).toBe('');
  });

  it('answers a missing path with the site’s 404 page', async () => {
    const response = await fetch(server.url + 'absent/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Introuvable');
  });

  it('serves nothing outside its folder', async () => {
    const response = await fetch(server.url + '..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(404);
  });

  it('records every request it served', async () => {
    const before = server.requests.length;
    await (await fetch(server.url)).text();
    await (await fetch(server.url + 'nope.css')).text();
    expect(server.requests.slice(before)).toEqual([
      { method: 'GET', path: '/', status: 200 },
      { method: 'GET', path: '/nope.css', status: 404 },
    ]);
  });
});

describe('serveStatic under a base path', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root, { base: 'sous-chemin', compress: true });
  });
  afterAll(() => server.close());

  it('serves the site under the base and nothing outside it', async () => {
    expect(server.url).toMatch(/\/sous-chemin\/$/);
    expect((await fetch(server.url + 'heures/')).status).toBe(200);
    expect((await fetch(server.origin + '/heures/')).status).toBe(404);
  });

  it('compresses text when asked to', async () => {
    const response = await fetch(server.url + 'donnees/heures.csv', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe('annee,heures\n2023,10\n');
  });
});

describe('content types', () => {
  it.each([
    ['a.css', 'text/css; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.svg', 'image/svg+xml; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.zip', 'application/zip'],
    ['a.png', 'image/png'],
    ['a.wasm', 'application/wasm'],
    ['pagefind/index/en_1.pf_index', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentType(file)).toBe(type));

  it('normalises base paths', () => {
    expect([normaliseBase(), normaliseBase('/'), normaliseBase('a'), normaliseBase('/a/b/')]).toEqual(['/', '/', '/a/', '/a/b/']);
  });
});
