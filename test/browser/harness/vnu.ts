/**
 * The Nu HTML Checker (vnu-jar) run once, in one Java process, on every page of the site.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export interface VnuMessage {
  file: string;
  line?: number;
  message: string;
  extract?: string;
}

export interface VnuResult {
  errors: VnuMessage[];
  warnings: VnuMessage[];
}

interface RawMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * The checker's own reading of a page's Content-Security-Policy meta tag: it opens files from
 * `file:` URLs, where `'self'` matches nothing, and computes no hash, so it warns about every
 * stylesheet and script. The browser suite evaluates the policy for real (harness/csp.ts).
 */
const CHECKER_CSP = /violates Content Security Policy \(meta tag\)/;

/** Path of the checker's jar, from the installed `vnu-jar` package. */
export function vnuJar(): string {
  return join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
}

/** Checks the given HTML files; `root` only shortens the file names in messages. */
export function runVnu(files: string[], root: string): Promise<VnuResult> {
  return new Promise((done, fail) => {
    execFile('java', ['-Xss1024k', '-jar', vnuJar(), '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) {
        fail(new Error(`The Nu HTML Checker could not run (is Java 11+ on PATH?): ${error.message}`));
        return;
      }
      let messages: RawMessage[];
      try {
        messages = (JSON.parse(stderr) as { messages: RawMessage[] }).messages;
      } catch {
        fail(new Error(`Unreadable output of the Nu HTML Checker:\n${stderr.slice(0, 2000)}`));
        return;
      }
      const result: VnuResult = { errors: [], warnings: [] };
      for (const m of messages) {
        const entry: VnuMessage = {
          file: m.url ? relative(root, decodeURIComponent(new URL(m.url).pathname)) : '(checker)',
          line: m.lastLine,
          message: m.message,
          extract: m.extract?.trim(),
        };
        if (m.type === 'info' && CHECKER_CSP.test(m.message)) continue;
        if (m.type === 'info') result.warnings.push(entry);
        else result.errors.push(entry);
      }
      done(result);
    });
  });
}

export function formatVnu(message: VnuMessage): string {
  return `${message.file}${message.line ? `:${message.line}` : ''}: ${message.message}`;
}
