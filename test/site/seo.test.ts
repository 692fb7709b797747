import { describe, expect, it } from 'vitest';
import { jsonLdText, robotsTxt, sitemapXml } from '../../src/site/seo.ts';
import { sitemapErrors } from './sitemap-schema.ts';

describe('JSON-LD data block', () => {
  it('cannot be closed by a text of the data, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = jsonLdText(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('sitemap.xml', () => {
  const entries = [
    {
      loc: 'https://x.example/a/?q=1&r=2',
      alternates: [
        { hreflang: 'fr', href: 'https://x.example/a/' },
        { hreflang: 'en', href: 'https://x.example/en/a/' },
      ],
    },
    {
      loc: 'https://x.example/en/a/',
      lastmod: '2019-06-30',
      alternates: [
        { hreflang: 'fr', href: 'https://x.example/a/' },
        { hreflang: 'en', href: 'https://x.example/en/a/' },
      ],
    },
  ];

  it('is valid against the sitemaps.org schema, with its language alternates', async () => {
    expect(await sitemapErrors(sitemapXml(entries))).toEqual([]);
  });

  it('the validator does refuse an invalid sitemap', async () => {
    const bad = sitemapXml(entries).replace('<loc>', '<location>').replace('</loc>', '</location>');
    expect((await sitemapErrors(bad)).length).toBeGreaterThan(0);
    const badLink = sitemapXml(entries).replace('rel="alternate"', 'rel="next"');
    expect((await sitemapErrors(badLink)).length).toBeGreaterThan(0);
  });

  it('robots.txt points to it', () => expect(robotsTxt('https://x.example/sitemap.xml')).toMatch(/^Sitemap: https:\/\/x\.example\/sitemap\.xml$/m));
});
