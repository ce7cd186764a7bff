// tsspark-submit's entry (bin/tsspark-submit.mjs calls runSubmit): parses arguments, builds the submitted conf,
// installs the module hooks, imports the application as the main module, then stops the contexts it left running.
import { accessSync, constants, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setSubmittedConf, stopAllActiveContexts } from '../../common/active-context.js';
import { isTsSparkError } from '../../common/errors.js';
import { tssparkVersion } from '../../common/module-hooks/package-root.js';
import { registerTsSparkHooks } from '../../common/module-hooks/register.js';
import { formatAppError } from './app-error.js';
import { parseSubmitArgs, SUBMIT_USAGE, type SubmitArgs } from './cli-args.js';
import { buildSubmitConf, type SubmitConf } from './submit-conf.js';
import { verboseReport } from './verbose-report.js';

export const APP_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.js', '.mjs'];

/** Runs one submission; resolves to the process exit code (the launcher exits with it). */
export async function runSubmit(argv: readonly string[]): Promise<number> {
  let args: SubmitArgs;
  try {
    args = parseSubmitArgs(argv);
  } catch (e) {
    process.stderr.write(`Error: ${errorMessage(e)}\n\n${SUBMIT_USAGE}`);
    return 1;
  }
  if (args.action === 'help') {
    process.stdout.write(SUBMIT_USAGE);
    return 0;
  }
  if (args.action === 'version') {
    process.stdout.write(`tsspark ${tssparkVersion()}\n`);
    return 0;
  }
  if (args.appFile === undefined) {
    process.stderr.write(`Error: Missing application resource.\n\n${SUBMIT_USAGE}`);
    return 1;
  }
  const appPath = resolve(args.appFile);
  const problem = appFileProblem(appPath);
  if (problem !== undefined) {
    process.stderr.write(`Error: ${problem}\n`);
    return 1;
  }
  let submit: SubmitConf;
  try {
    submit = buildSubmitConf(args);
  } catch (e) {
    process.stderr.write(`Error: ${errorMessage(e)}\n`);
    return 1;
  }
  if (args.verbose) process.stderr.write(verboseReport(args, submit, appPath));
  else for (const w of submit.warnings) process.stderr.write(`Warning: ${w}\n`);
  return runApplication(appPath, args.appArgs, submit.conf);
}

/** Why the application file cannot be run, or undefined when it can. */
export function appFileProblem(appPath: string): string | undefined {
  if (!APP_EXTENSIONS.includes(extname(appPath))) {
    return `application file ${appPath} must end in ${APP_EXTENSIONS.join(', ')}`;
  }
  try {
    if (!statSync(appPath).isFile()) return `application file ${appPath} is not a regular file`;
    accessSync(appPath, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `application file not found: ${appPath}` : `cannot read application file ${appPath} (${code ?? errorMessage(e)})`;
  }
  return undefined;
}

async function runApplication(appPath: string, appArgs: readonly string[], conf: Record<string, string>): Promise<number> {
  registerTsSparkHooks();
  process.setSourceMapsEnabled(true);
  setSubmittedConf(conf);
  // As spark-submit does for a Python app: the application sees itself as the main script with its own arguments.
  process.argv = [process.argv[0] ?? process.execPath, appPath, ...appArgs];

  let failing = false;
  const fail = async (e: unknown): Promise<number> => {
    if (failing) return 1;
    failing = true;
    process.stderr.write(`Exception in application ${appPath}:\n${formatAppError(e)}\n${moduleKindHint(appPath, e)}`);
    await stopQuietly();
    return 1;
  };
  const failAndExit = (e: unknown): void => {
    void fail(e).then((code) => process.exit(code));
  };
  process.on('unhandledRejection', failAndExit);
  process.on('uncaughtException', failAndExit);
  installSignalHandlers();

  try {
    await import(pathToFileURL(appPath).href);
  } catch (e) {
    return fail(e);
  }
  if (failing) return new Promise<number>(() => {}); // failAndExit is already stopping and will exit
  try {
    await stopAllActiveContexts();
  } catch (e) {
    process.stderr.write(`Error while stopping the application's contexts:\n${formatAppError(e)}\n`);
    return 1;
  }
  const appCode = process.exitCode;
  return typeof appCode === 'number' ? appCode : 0;
}

async function stopQuietly(): Promise<void> {
  try {
    await stopAllActiveContexts();
  } catch (e) {
    process.stderr.write(`Error while stopping the application's contexts:\n${formatAppError(e)}\n`);
  }
}

// First SIGINT/SIGTERM stops the contexts (like Spark's shutdown hook) and exits 128+signal; a second one exits now.
function installSignalHandlers(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals, code: number): void => {
    if (stopping) process.exit(code);
    stopping = true;
    process.stderr.write(`\ntsspark-submit: received ${signal}, stopping the application\n`);
    void stopQuietly().then(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
}

// A .js app outside a "type": "module" package is CommonJS to Node 20, so its import statements fail to parse.
function moduleKindHint(appPath: string, e: unknown): string {
  const cjsSyntax = e instanceof SyntaxError && /Cannot use import statement outside a module/.test(e.message);
  return cjsSyntax && appPath.endsWith('.js')
    ? 'Hint: Node treats this .js file as CommonJS; rename it to .mjs (or .ts), or add "type": "module" to its package.json\n'
    : '';
}

function errorMessage(e: unknown): string {
  if (isTsSparkError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}
