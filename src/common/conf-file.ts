// Reads Spark-format properties files (tsspark-defaults.conf, --properties-file) into plain key/value records.
// Used by tsspark-submit and reusable by the driver and the standalone daemons.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TsSparkError } from './errors.js';
import { tssparkPackageRoot } from './module-hooks/package-root.js';

export const DEFAULTS_CONF_FILE = 'tsspark-defaults.conf';

/**
 * Java properties syntax as Spark reads it: `key value`, `key=value` or `key: value`; `#`/`!` comment lines;
 * a trailing backslash continues the line; `\t \n \r \f \uXXXX` escapes; values are trimmed.
 */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of logicalLines(text)) {
    let i = 0;
    while (i < line.length && isBlank(line[i]!)) i++;
    if (i >= line.length || line[i] === '#' || line[i] === '!') continue;
    let keyEnd = i;
    while (keyEnd < line.length && !isSeparator(line[keyEnd]!)) keyEnd += line[keyEnd] === '\\' ? 2 : 1;
    keyEnd = Math.min(keyEnd, line.length);
    let v = keyEnd;
    while (v < line.length && isBlank(line[v]!)) v++;
    if (v < line.length && (line[v] === '=' || line[v] === ':')) v++;
    out[unescape(line.slice(i, keyEnd))] = unescape(line.slice(v)).trim();
  }
  return out;
}

/** Reads a properties file; a missing or unreadable file is a PATH_NOT_FOUND error naming it. */
export function readPropertiesFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `cannot read properties file ${path}: ${(e as Error).message}`, {
      details: { path },
      cause: e,
    });
  }
  return parseProperties(text);
}

/** `$TSSPARK_CONF_DIR/tsspark-defaults.conf`, else `<package root>/conf/tsspark-defaults.conf`. */
export function defaultsConfPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.TSSPARK_CONF_DIR !== undefined && env.TSSPARK_CONF_DIR !== '' ? env.TSSPARK_CONF_DIR : join(tssparkPackageRoot(), 'conf');
  return join(dir, DEFAULTS_CONF_FILE);
}

/** The defaults file's entries, or {} when there is no such file (as in Spark). */
export function loadDefaultsConf(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const path = defaultsConfPath(env);
  return existsSync(path) ? readPropertiesFile(path) : {};
}

function* logicalLines(text: string): Generator<string> {
  let pending = '';
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = pending === '' ? raw : raw.replace(/^[ \t\f]+/, '');
    if (pending === '' && /^[ \t\f]*[#!]/.test(line)) continue; // comments never continue onto the next line
    let slashes = 0;
    for (let j = line.length - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 1) {
      pending += line.slice(0, -1);
      continue;
    }
    yield pending + line;
    pending = '';
  }
  if (pending !== '') yield pending;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

function isSeparator(c: string): boolean {
  return c === '=' || c === ':' || isBlank(c);
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    switch (e) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      default: return e;
    }
  });
}
