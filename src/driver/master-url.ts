// Parses Spark master URLs: local, local[N], local[*], local[N,F], local[*,F], local-cluster[E,C,M], spark://h:p[,h:p].
import os from 'node:os';
import { TsSparkError } from '../common/errors.js';

export type MasterSpec =
  | { readonly kind: 'local'; readonly cores: number; readonly maxFailures: number }
  | { readonly kind: 'local-cluster'; readonly executors: number; readonly coresPerExecutor: number; readonly memoryMb: number }
  | { readonly kind: 'standalone'; readonly masters: ReadonlyArray<{ host: string; port: number }> };

export function parseMasterUrl(url: string): MasterSpec {
  const u = url.trim();
  const cpus = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (u === 'local') return { kind: 'local', cores: 1, maxFailures: 1 };
  let m = /^local\[(\*|\d+)\]$/.exec(u);
  if (m) return { kind: 'local', cores: m[1] === '*' ? cpus : positive(m[1]!, url), maxFailures: 1 };
  m = /^local\[(\*|\d+)\s*,\s*(\d+)\]$/.exec(u);
  if (m) return { kind: 'local', cores: m[1] === '*' ? cpus : positive(m[1]!, url), maxFailures: positive(m[2]!, url) };
  m = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(u);
  if (m) return { kind: 'local-cluster', executors: positive(m[1]!, url), coresPerExecutor: positive(m[2]!, url), memoryMb: positive(m[3]!, url) };
  if (u.startsWith('spark://')) {
    const masters = u.slice('spark://'.length).split(',').map((hp) => {
      const mm = /^([^:/\s]+|\[[0-9a-fA-F:]+\]):(\d+)$/.exec(hp.trim());
      if (!mm) throw badMaster(url);
      return { host: mm[1]!.replace(/^\[|\]$/g, ''), port: positive(mm[2]!, url) };
    });
    return { kind: 'standalone', masters };
  }
  throw badMaster(url);
}

function positive(s: string, url: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw badMaster(url);
  return n;
}

function badMaster(url: string): TsSparkError {
  return new TsSparkError('INVALID_CONFIG', `Could not parse Master URL: '${url}'`, {
    hint: 'use local, local[N], local[*], local[N,F], local-cluster[E,C,M] or spark://host:port',
  });
}
