// Input paths → data files, as Spark's InMemoryFileIndex lists them: comma lists, globs (* ? [..] {a,b}),
// directories walked recursively skipping names starting with `_` or `.`, `col=value` directories recorded
// as partition values. A missing path is Spark's PATH_NOT_FOUND.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TsSparkError } from '../../common/errors.js';

export interface ListedFile {
  readonly path: string;
  readonly size: number;
  /** `col=value` pairs from the directories between the input root and the file, outermost first. */
  readonly partition: readonly (readonly [string, string])[];
}

export function toLocalPath(p: string): string {
  if (p.startsWith('file://')) return decodeURIComponent(p.slice('file://'.length));
  if (p.startsWith('file:')) return decodeURIComponent(p.slice('file:'.length));
  return p;
}

export function fileUri(p: string): string {
  return `file:${path.resolve(p)}`;
}

const GLOB = /[*?[{]/;

/** Expands one path (no commas) into existing local paths. */
function expand(p: string): string[] {
  const local = path.resolve(toLocalPath(p));
  if (!GLOB.test(local)) {
    if (!fs.existsSync(local)) {
      throw new TsSparkError('PATH_NOT_FOUND', `[PATH_NOT_FOUND] Path does not exist: ${fileUri(local)}.`, { details: { path: local } });
    }
    return [local];
  }
  const parts = local.split(path.sep).filter((s, i) => s !== '' || i === 0);
  let current = [parts[0] === '' ? path.sep : parts[0]!];
  for (const part of parts.slice(1)) {
    const next: string[] = [];
    for (const dir of current) {
      if (!GLOB.test(part)) {
        const c = path.join(dir, part);
        if (fs.existsSync(c)) next.push(c);
        continue;
      }
      const re = globToRegExp(part);
      let names: string[] = [];
      try { names = fs.readdirSync(dir); } catch { names = []; }
      for (const n of names.sort()) if (re.test(n)) next.push(path.join(dir, n));
    }
    current = next;
  }
  if (current.length === 0) {
    throw new TsSparkError('PATH_NOT_FOUND', `[PATH_NOT_FOUND] Path does not exist: ${fileUri(local)}.`, { details: { path: local } });
  }
  return current;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) { re += '\\['; continue; }
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) { re += '\\{'; continue; }
      re += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const hidden = (name: string): boolean => name.startsWith('_') || name.startsWith('.');

function walk(dir: string, partition: readonly (readonly [string, string])[], out: ListedFile[]): void {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (hidden(ent.name)) continue;
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) {
      const eq = ent.name.indexOf('=');
      const next = eq > 0 ? [...partition, [unescapePathName(ent.name.slice(0, eq)), unescapePathName(ent.name.slice(eq + 1))] as const] : partition;
      walk(full, next, out);
    } else if (ent.isFile() || ent.isSymbolicLink()) {
      out.push({ path: full, size: fs.statSync(full).size, partition });
    }
  }
}

/** All data files under the given paths (each entry may be a comma-separated list), in a stable order. */
export function listFiles(paths: readonly string[]): ListedFile[] {
  const out: ListedFile[] = [];
  for (const entry of paths) {
    for (const one of entry.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      for (const p of expand(one)) {
        const st = fs.statSync(p);
        if (st.isDirectory()) walk(p, [], out);
        else out.push({ path: p, size: st.size, partition: [] });
      }
    }
  }
  return out;
}

// ExternalCatalogUtils.escapePathName: characters Hive escapes in partition directory names.
const NEEDS_ESCAPE = /[\u0000-\u001F"#%'*/:=?\\\u007F{[\]^]/g;
export function escapePathName(s: string): string {
  return s.replace(NEEDS_ESCAPE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
export function unescapePathName(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
