/**
 * Summary of a V8 CPU profile (`node --cpu-prof`) in text: self and inclusive time per function,
 * self time per file. Positions of TypeScript modules are mapped back to the source with the
 * source maps the child dumped (tsx compiles on the fly, so raw positions are meaningless).
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `name (file:line)`. */
  function: string;
  file: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  profile: string;
  /** Time sampled, and the part summarised (from the first to the last sample in `focus`). */
  sampledMs: number;
  durationMs: number;
  /** Functions by decreasing self time. */
  bySelf: FunctionTime[];
  /** Project functions (src/, scripts/) by decreasing inclusive time. */
  byTotal: FunctionTime[];
  /** Self time per file (or V8 category: GC, program, native). */
  byFile: { file: string; selfMs: number }[];
}

const ROOT = process.cwd();

function shortFile(url: string): string {
  if (url === '') return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  // Children run a snapshot of the sources (./snapshot.ts): show the paths of the tree.
  return path.startsWith(ROOT) ? relative(ROOT, path).replace(/^\.cache\/bench\/code\/[0-9a-f]+\//, '') : path;
}

/**
 * Reads a `.cpuprofile`; `sourceMaps` maps a module's file URL to its source map payload. With
 * `focus`, only the samples from the first to the last one inside that function are summarised
 * (GC and idle samples in between included), which leaves out module loading and exit.
 */
export function summariseProfile(path: string, sourceMaps: Record<string, SourceMapPayload> = {}, focus?: { file: string; functionName: string }): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap>();
  const mapOf = (url: string): SourceMap | undefined => {
    if (!(url in sourceMaps)) return undefined;
    let map = maps.get(url);
    if (!map) maps.set(url, (map = new SourceMap(sourceMaps[url]!)));
    return map;
  };

  // One key per function (several profile nodes share it: one per call path).
  const keyOf = new Map<number, string>();
  const fileOfKey = new Map<string, string>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    let file = shortFile(url);
    let line = lineNumber + 1;
    const entry = mapOf(url)?.findEntry(lineNumber, columnNumber);
    if (entry && 'originalLine' in entry) {
      file = shortFile(entry.originalSource);
      line = entry.originalLine + 1;
    }
    const key = url === '' ? (name.startsWith('(') ? name : `${name} (native)`) : `${name} (${file}:${line})`;
    keyOf.set(node.id, key);
    fileOfKey.set(key, url === '' ? (name.startsWith('(') ? name : '(native)') : file);
  }

  const { samples, timeDeltas } = profile;
  const stack = (id: number) => {
    const ids: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) ids.push(at);
    return ids;
  };
  let [first, last] = [0, samples.length - 1];
  if (focus) {
    const inFocus = new Set(profile.nodes.filter((n) => n.callFrame.url.endsWith(focus.file) && n.callFrame.functionName === focus.functionName).map((n) => n.id));
    const hit = (i: number) => stack(samples[i]!).some((id) => inFocus.has(id));
    while (first < last && !hit(first)) first++;
    while (last > first && !hit(last)) last--;
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let durationMs = 0;
  for (let i = first; i <= last; i++) {
    // A sample stands for the time until the next one.
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    durationMs += ms;
    const sampled = samples[i]!;
    const key = keyOf.get(sampled)!;
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sampled; id !== undefined; id = parent.get(id)) {
      const k = keyOf.get(id)!;
      if (seen.has(k)) continue; // recursion: count a function once per sample
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }

  const fn = (key: string): FunctionTime => ({ function: key, file: fileOfKey.get(key)!, selfMs: self.get(key) ?? 0, totalMs: total.get(key) ?? 0 });
  const byFileMap = new Map<string, number>();
  for (const [key, ms] of self) byFileMap.set(fileOfKey.get(key)!, (byFileMap.get(fileOfKey.get(key)!) ?? 0) + ms);
  return {
    profile: path,
    sampledMs: (profile.endTime - profile.startTime) / 1000,
    durationMs,
    bySelf: [...self.keys()].map(fn).sort((a, b) => b.selfMs - a.selfMs),
    byTotal: [...total.keys()]
      .filter((k) => /^(src|scripts)\//.test(fileOfKey.get(k)!))
      .map(fn)
      .sort((a, b) => b.totalMs - a.totalMs),
    byFile: [...byFileMap].map(([file, selfMs]) => ({ file, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** The summary as text: top functions by self time, project functions by inclusive time, files. */
export function formatProfile(s: ProfileSummary, top = 25): string {
  const pct = (ms: number) => `${((100 * ms) / s.durationMs).toFixed(1).padStart(5)} %`;
  const ms = (v: number) => `${Math.round(v).toLocaleString('en-US').padStart(7)} ms`;
  const lines = [
    `CPU profile ${relative(ROOT, s.profile)}: ${Math.round(s.durationMs).toLocaleString('en-US')} ms of the measured work ` +
      `(out of ${Math.round(s.sampledMs).toLocaleString('en-US')} ms sampled; module loading and exit left out).`,
    'Samples are taken on the wall clock: on a busy machine, read the shares rather than the milliseconds.',
  ];
  lines.push('', `Top ${top} functions by self time:`, `  ${'self'.padStart(10)} ${'share'.padStart(7)} ${'incl.'.padStart(10)}  function (file:line)`);
  for (const f of s.bySelf.slice(0, top)) lines.push(`  ${ms(f.selfMs)} ${pct(f.selfMs)} ${ms(f.totalMs)}  ${f.function}`);
  lines.push('', 'Project functions by inclusive time:', `  ${'incl.'.padStart(10)} ${'share'.padStart(7)} ${'self'.padStart(10)}  function (file:line)`);
  for (const f of s.byTotal.slice(0, top)) lines.push(`  ${ms(f.totalMs)} ${pct(f.totalMs)} ${ms(f.selfMs)}  ${f.function}`);
  lines.push('', 'Self time by file:');
  for (const f of s.byFile.slice(0, 15)) lines.push(`  ${ms(f.selfMs)} ${pct(f.selfMs)}  ${f.file}`);
  return lines.join('\n');
}
