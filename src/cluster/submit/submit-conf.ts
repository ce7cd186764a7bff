// The effective configuration of a submission, by precedence: flags > --conf > --properties-file (or the defaults
// file) > registry defaults; validated against the registry's types, with redaction for printing.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { defaultsConfPath, readPropertiesFile } from '../../common/conf-file.js';
import { assertNever } from '../../common/assert.js';
import { parseBool, parseBytes, parseDuration } from '../../common/conf-values.js';
import { CONF_REGISTRY, type ConfType } from '../../common/config-registry.js';
import { TsSparkError } from '../../common/errors.js';
import type { SubmitArgs } from './cli-args.js';

export interface SubmitConf {
  /** Explicit entries plus spark.master and spark.app.name, which are always set. */
  readonly conf: Record<string, string>;
  /** The properties file that was read, if any. */
  readonly propertiesFile: string | undefined;
  readonly warnings: readonly string[];
}

export interface SubmitConfOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export const REDACTED = '*********(redacted)';

export function buildSubmitConf(args: SubmitArgs, options: SubmitConfOptions = {}): SubmitConf {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const warnings: string[] = [];
  let propertiesFile: string | undefined;
  if (args.propertiesFile !== undefined) {
    propertiesFile = resolve(cwd, args.propertiesFile);
  } else {
    const defaults = defaultsConfPath(env);
    if (existsSync(defaults)) propertiesFile = defaults;
  }
  const conf: Record<string, string> = {};
  const put = (k: string, v: string): void => {
    if (k.startsWith('spark.')) conf[k] = v;
    else warnings.push(`Ignoring non-Spark config property: ${k}`);
  };
  if (propertiesFile !== undefined) {
    for (const [k, v] of Object.entries(readPropertiesFile(propertiesFile))) put(k, v);
  }
  for (const [k, v] of args.confPairs) put(k, v);

  // Dedicated flags win over --conf, as in spark-submit.
  setIf(conf, 'spark.master', args.master);
  setIf(conf, 'spark.app.name', args.name);
  setIf(conf, 'spark.executor.memory', args.executorMemory);
  setIf(conf, 'spark.executor.cores', args.executorCores);
  setIf(conf, 'spark.cores.max', args.totalExecutorCores);
  setIf(conf, 'spark.driver.memory', args.driverMemory);
  if (args.files.length > 0) conf['spark.files'] = args.files.map((f) => checkedFile(resolve(cwd, f))).join(',');

  conf['spark.master'] ??= CONF_REGISTRY.get('spark.master')?.default ?? 'local[*]';
  if (conf['spark.app.name'] === undefined && args.appFile !== undefined) conf['spark.app.name'] = basename(args.appFile);
  for (const [k, v] of Object.entries(conf)) validateValue(k, v);
  return { conf, propertiesFile, warnings };
}

/** A copy with secret values replaced: registry secrets and keys matching spark.redaction.regex (case-insensitive). */
export function redactConf(conf: Readonly<Record<string, string>>): Record<string, string> {
  const source = conf['spark.redaction.regex'] ?? CONF_REGISTRY.get('spark.redaction.regex')?.default ?? 'secret|password|token';
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'i');
  } catch {
    pattern = /secret|password|token/i;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(conf)) {
    out[k] = CONF_REGISTRY.get(k)?.secret === true || pattern.test(k) ? REDACTED : v;
  }
  return out;
}

function setIf(conf: Record<string, string>, key: string, value: string | undefined): void {
  if (value !== undefined) conf[key] = value;
}

function checkedFile(path: string): string {
  if (!existsSync(path)) {
    throw new TsSparkError('PATH_NOT_FOUND', `file given to --files not found: ${path}`, { details: { path } });
  }
  return path;
}

/** Fails early (before the app starts) on values of known keys that would not parse later. */
function validateValue(key: string, value: string): void {
  const entry = CONF_REGISTRY.get(key);
  if (entry === undefined) return;
  checkType(entry.type, key, value);
}

function checkType(type: ConfType, key: string, value: string): void {
  switch (type) {
    case 'string':
      return;
    case 'int':
      if (!Number.isInteger(Number(value)) || value.trim() === '') {
        throw new TsSparkError('INVALID_CONFIG', `${key}: expected an integer, got '${value}'`);
      }
      return;
    case 'double':
      if (Number.isNaN(Number(value)) || value.trim() === '') {
        throw new TsSparkError('INVALID_CONFIG', `${key}: expected a number, got '${value}'`);
      }
      return;
    case 'bool':
      parseBool(value, key);
      return;
    case 'bytes':
      parseBytes(value, key);
      return;
    case 'duration':
      parseDuration(value, key);
      return;
    default:
      assertNever(type, 'conf type');
  }
}
