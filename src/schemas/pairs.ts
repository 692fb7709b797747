/**
 * `pairs.json`: the published releases a site compares itself with (its peers). Two places:
 *
 * - `data/<editeur>/pairs.json`: a publisher's own list, beside its data;
 * - `data/pairs.json`: the site's list — the only input of a site that compares without data of
 *   its own, whose name it then gives (`site`).
 *
 * Each peer is an address: the https address of a release's `datapackage.json` (or of its folder,
 * ending with `/`), or a folder or zip archive on this machine, relative to the file's folder.
 * Plain http is refused except on this machine (127.0.0.1, localhost): a release's
 * `datapackage.json` carries the hashes every other file is checked against, so it must arrive
 * intact. Pure (no `node:` import).
 */
import { z } from 'zod';

export const PAIRS_FILE = 'pairs.json';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What an address points to: a release on the web, or a folder or zip on this machine. */
export type AddressKind = 'web' | 'local';

/** `web` for an address with a scheme, `local` for a path. */
export const addressKind = (a: string): AddressKind => (/^[a-z][a-z0-9+.-]*:\/\//i.test(a) ? 'web' : 'local');

export const PairAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((a, ctx) => {
    if (/[\0\r\n]/.test(a)) {
      ctx.addIssue({ code: 'custom', message: 'caractère de contrôle dans l’adresse / control character in the address' });
      return;
    }
    if (addressKind(a) === 'local') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(a) && !/^[a-z]:[\\/]/i.test(a)) {
        ctx.addIssue({ code: 'custom', message: `adresse https ou chemin attendu : ${a} / https address or path expected: ${a}` });
      }
      return;
    }
    let url: URL;
    try {
      url = new URL(a);
    } catch {
      ctx.addIssue({ code: 'custom', message: `adresse illisible : ${a} / unreadable address: ${a}` });
      return;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: `pas d'identifiants dans l'adresse : ${url.host} / no credentials in the address: ${url.host}` });
    } else if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `https attendu (http seulement sur cette machine) : ${a} / https expected (http only on this machine): ${a}`,
      });
    } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: `https attendu : ${a} / https expected: ${a}` });
    }
  });

export const PairEntrySchema = z
  .union([PairAddressSchema, z.object({ adresse: PairAddressSchema, note: z.string().max(500).optional() }).strict()])
  .transform((e) => (typeof e === 'string' ? { adresse: e } : e));
export type PairEntry = z.output<typeof PairEntrySchema>;

/** A comparison-only site: its name and presentation, shown in its header and on its home page. */
export const PairsSiteSchema = z
  .object({
    nom: z.string().trim().min(1).max(200),
    description: z
      .object({ fr: z.string().min(1).max(2000), en: z.string().min(1).max(2000) })
      .strict()
      .optional(),
    contact: z.string().max(500).optional(),
  })
  .strict();
export type PairsSite = z.output<typeof PairsSiteSchema>;

export const PairsFileSchema = z
  .object({
    site: PairsSiteSchema.optional(),
    pairs: z.array(PairEntrySchema).max(20_000),
  })
  .strict();
export type PairsFile = z.output<typeof PairsFileSchema>;
