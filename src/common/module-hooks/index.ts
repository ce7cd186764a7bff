// The module-hooks API for the rest of tsspark (submit CLI, executor processes, task worker threads, closure shipping).
// hooks.ts itself is loaded by Node into the hooks thread and is not re-exported.
export { registerTsSparkHooks, tsSparkHooksPreloadUrl, tsSparkHooksRegistered } from './register.js';
export { compileTypeScript, isTypeScriptFile, transformedSourceFor } from './transformed-sources.js';
export { tssparkEntryUrl, tssparkPackageRoot, tssparkVersion } from './package-root.js';
