/**
 * Validates publisher folders against the data contract.
 *
 *   npm run validate                      every folder of data/
 *   npm run validate -- data/x            one folder (or a file of it)
 *   npm run validate -- --data DIR        every folder of DIR
 *   npm run validate -- --json            JSON reports on stdout instead of text
 *   npm run validate -- --lang fr         the report in one language (fr or en; both by default)
 *   npm run validate -- --detail          every stored issue on its own line (not grouped)
 *
 * Prints each report in French then English and writes it as JSON to
 * .cache/validation/<publisher>.json. Exit code 1 on any error (warnings allowed), 0 otherwise.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../src/lib/lang.ts';
import { formatReport, validateDataset, type ValidationReport } from '../src/lib/validate/index.ts';
import { InputError, listPublisherFolders, openPublisherFolder, publisherFolderOf } from './lib/fs-input.ts';
import { offloadLargest } from './lib/offload.ts';
import { localToday } from './lib/today.ts';

const REPORT_DIR = join('.cache', 'validation');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: 'data' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
    detail: { type: 'boolean', default: false },
  },
});

async function targets(): Promise<{ dir: string; root: string }[]> {
  if (positionals.length === 0) return (await listPublisherFolders(values.data)).map((dir) => ({ dir, root: values.data }));
  return Promise.all(positionals.map(publisherFolderOf));
}

async function main(): Promise<number> {
  if (values.lang !== undefined && !(LANGS as readonly string[]).includes(values.lang)) {
    process.stderr.write(`--lang : fr ou en, pas « ${values.lang} ». / --lang: fr or en, not "${values.lang}".\n`);
    return 2;
  }
  const langs = values.lang === undefined ? LANGS : [values.lang as Lang];
  const reports: ValidationReport[] = [];
  let failed = false;
  try {
    for (const { dir, root } of await targets()) {
      const started = performance.now();
      const input = offloadLargest(await openPublisherFolder(dir, root));
      const { ok, report } = await validateDataset({ ...input, today: localToday() });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      failed ||= !ok;
      reports.push(report);
      await mkdir(REPORT_DIR, { recursive: true });
      await writeFile(join(REPORT_DIR, `${report.publisher}.json`), JSON.stringify(report, null, 2) + '\n');
      if (!values.json) {
        process.stdout.write(langs.map((lang) => formatReport(report, lang, { ungrouped: values.detail })).join('\n'));
        process.stdout.write(`(${seconds} s — ${join(REPORT_DIR, `${report.publisher}.json`)})\n\n`);
      }
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(langs.map((lang) => `${e.text[lang]}\n`).join(''));
    return 1;
  }
  if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  return failed ? 1 : 0;
}

process.exitCode = await main();
