// Locates a compiled entry point (worker thread, executor process) next to this module. When the caller runs
// from TypeScript sources (tests), the compiled twin under dist/ is used, since Node cannot start .ts entries.
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export function distEntry(relativeToSrc: string): URL {
  const here = fileURLToPath(import.meta.url); // <root>/src/common/dist-entry.ts or <root>/dist/common/dist-entry.js
  const commonDir = path.dirname(here);
  const baseDir = path.dirname(commonDir);
  const root = path.dirname(baseDir);
  const dist = here.endsWith('.ts') ? path.join(root, 'dist') : baseDir;
  return pathToFileURL(path.join(dist, relativeToSrc));
}

export { tssparkPackageRoot as packageRoot } from './module-hooks/package-root.js';
