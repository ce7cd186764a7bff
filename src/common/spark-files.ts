// SparkFiles: files added with `tsspark-submit --files` or `sc.addFile`, resolved by name on the driver and on
// executors (SparkFiles.get('lookup.csv')). Executors of this engine share the driver's host, so a file is read
// from its submitted absolute path; a multi-host cluster would copy it into each executor's work dir first.
import path from 'node:path';
import fs from 'node:fs';
import { TsSparkError } from './errors.js';

const files = new Map<string, string>();

export function registerFiles(paths: Iterable<string>): void {
  for (const p of paths) {
    if (!p) continue;
    const abs = path.resolve(p.replace(/^file:\/\//, ''));
    files.set(path.basename(abs), abs);
  }
}

export function registeredFiles(): string[] {
  return [...files.values()];
}

export const SparkFiles = Object.freeze({
  /** Absolute path of a file added with --files / sc.addFile, by its file name. */
  get(name: string): string {
    const p = files.get(name) ?? files.get(path.basename(name));
    if (!p) throw new TsSparkError('PATH_NOT_FOUND', `SparkFiles: no file named '${name}' was added`, { hint: 'pass it with tsspark-submit --files or sc.addFile(path)' });
    return p;
  },
  getRootDirectory(): string {
    const first = files.values().next().value as string | undefined;
    return first ? path.dirname(first) : process.cwd();
  },
});

export function checkFileExists(p: string): void {
  if (!fs.existsSync(p)) throw new TsSparkError('PATH_NOT_FOUND', `File ${p} does not exist`, { details: { path: p } });
}
