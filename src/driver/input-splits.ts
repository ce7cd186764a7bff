// Lists input files (a file, a directory, a glob, or comma-separated paths) and cuts them into splits as Hadoop's
// FileInputFormat does: goal size = total / minPartitions, capped by the block size, with 10% slop at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { FileSplit } from '../rdd/rdd-node.js';

const BLOCK_SIZE = 32 * 1024 * 1024; // Hadoop's local file system block size
const SPLIT_SLOP = 1.1;

export interface ListedFiles {
  readonly files: ReadonlyArray<{ path: string; size: number }>;
  /** The first path (of a comma-separated list) that matched nothing. */
  readonly missing?: string;
}

export function listInputFiles(spec: string): ListedFiles {
  const out: Array<{ path: string; size: number }> = [];
  for (const raw of splitPathList(spec)) {
    const p = raw.startsWith('file://') ? raw.slice('file://'.length) : raw;
    const matches = hasGlob(p) ? expandGlob(path.resolve(p)) : [path.resolve(p)];
    if (matches.length === 0) return { files: out, missing: raw };
    for (const m of matches) {
      let st: fs.Stats;
      try {
        st = fs.statSync(m);
      } catch {
        return { files: out, missing: raw };
      }
      if (st.isDirectory()) {
        for (const name of fs.readdirSync(m).sort()) {
          if (name.startsWith('.') || name.startsWith('_')) continue; // hidden files, _SUCCESS, _temporary
          const f = path.join(m, name);
          const s = fs.statSync(f);
          if (s.isFile()) out.push({ path: f, size: s.size });
        }
      } else out.push({ path: m, size: st.size });
    }
  }
  return { files: out };
}

export function computeSplits(files: ListedFiles['files'], minPartitions: number): FileSplit[] {
  const total = files.reduce((s, f) => s + f.size, 0);
  const goal = Math.max(1, Math.floor(total / Math.max(1, minPartitions)));
  const splitSize = Math.max(1, Math.min(goal, BLOCK_SIZE));
  const splits: FileSplit[] = [];
  for (const f of files) {
    if (f.path.endsWith('.gz') || f.size === 0) {
      splits.push({ path: f.path, start: 0, length: f.size, fileSize: f.size });
      continue;
    }
    let remaining = f.size;
    while (remaining / splitSize > SPLIT_SLOP) {
      splits.push({ path: f.path, start: f.size - remaining, length: splitSize, fileSize: f.size });
      remaining -= splitSize;
    }
    if (remaining > 0) splits.push({ path: f.path, start: f.size - remaining, length: remaining, fileSize: f.size });
  }
  return splits;
}

/** Splits a comma-separated path list, keeping commas inside {a,b} globs (Hadoop's getPathStrings). */
function splitPathList(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      out.push(spec.slice(from, i));
      from = i + 1;
    }
  }
  out.push(spec.slice(from));
  return out.map((s) => s.trim()).filter(Boolean);
}

function hasGlob(p: string): boolean {
  return /[*?[{]/.test(p);
}

/** Expands *, ?, [abc] and {a,b} component by component. */
function expandGlob(absPattern: string): string[] {
  const parts = absPattern.split(path.sep).filter((x, i) => x !== '' || i === 0);
  let current = [parts[0] === '' ? path.sep : parts[0]!];
  for (const part of parts.slice(1)) {
    const next: string[] = [];
    for (const dir of current) {
      if (!hasGlob(part)) {
        const p = path.join(dir, part);
        if (fs.existsSync(p)) next.push(p);
        continue;
      }
      const re = globToRegExp(part);
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names.sort()) if (re.test(n) && !n.startsWith('.')) next.push(path.join(dir, n));
    }
    current = next;
  }
  return current;
}

function globToRegExp(g: string): RegExp {
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = g.indexOf(']', i);
      if (j < 0) re += '\\[';
      else {
        re += `[${g.slice(i + 1, j).replace(/^!/, '^')}]`;
        i = j;
      }
    } else if (c === '{') {
      const j = g.indexOf('}', i);
      if (j < 0) re += '\\{';
      else {
        re += `(?:${g.slice(i + 1, j).split(',').map(escapeRe).join('|')})`;
        i = j;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
