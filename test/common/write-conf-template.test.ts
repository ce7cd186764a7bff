import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProperties } from '../../src/common/conf-file.js';
import { confEntries } from '../../src/common/config-registry.js';
import { tssparkPackageRoot } from '../../src/common/module-hooks/package-root.js';
import { CONF_TEMPLATE_FILE, renderConfTemplate } from '../../src/common/write-conf-template.js';

describe('conf/tsspark-defaults.conf.template', () => {
  it('is what the registry generates (regenerate: node dist/common/write-conf-template.js)', () => {
    const committed = readFileSync(join(tssparkPackageRoot(), 'conf', CONF_TEMPLATE_FILE), 'utf8');
    expect(committed).toBe(renderConfTemplate());
  });

  it('lists every registry key with its default, and uncommented lines parse back to the defaults', () => {
    const text = renderConfTemplate();
    const uncommented = text
      .split('\n')
      .filter((l) => /^# spark\./.test(l))
      .map((l) => l.slice(2))
      .join('\n');
    const parsed = parseProperties(uncommented);
    for (const e of confEntries()) {
      expect(parsed[e.key]).toBe(e.secret ? '<secret>' : (e.default ?? '<unset>'));
    }
  });
});
