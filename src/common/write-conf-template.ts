// Generates conf/tsspark-defaults.conf.template from the configuration registry (run:
// `node dist/common/write-conf-template.js`); a test checks that the committed template matches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confEntries, type ConfEntry } from './config-registry.js';
import { DEFAULTS_CONF_FILE } from './conf-file.js';
import { tssparkPackageRoot } from './module-hooks/package-root.js';

export const CONF_TEMPLATE_FILE = `${DEFAULTS_CONF_FILE}.template`;

/** The template text: a header, then every key commented out with its doc and default. */
export function renderConfTemplate(entries: readonly ConfEntry[] = confEntries()): string {
  const lines = [
    '# Default tsspark properties, read by tsspark-submit (and the daemons) from $TSSPARK_CONF_DIR/tsspark-defaults.conf',
    '# or <tsspark package>/conf/tsspark-defaults.conf. Copy this file to tsspark-defaults.conf and uncomment lines.',
    '# Format: "key value" or "key=value", # comments. Precedence: code > --conf / flags > this file > built-in defaults.',
    '# Generated from src/common/config-registry.ts by src/common/write-conf-template.ts: do not edit by hand.',
  ];
  const width = Math.max(...entries.map((e) => e.key.length)) + 2;
  for (const e of entries) {
    lines.push('', `# ${e.doc} (${e.type})`);
    const value = e.secret ? '<secret>' : (e.default ?? '<unset>');
    lines.push(`# ${e.key.padEnd(width)}${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the template into `<root>/conf/` and returns its path. */
export function writeConfTemplate(root: string = tssparkPackageRoot()): string {
  const path = join(root, 'conf', CONF_TEMPLATE_FILE);
  writeFileSync(path, renderConfTemplate());
  return path;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`wrote ${writeConfTemplate()}\n`);
}
