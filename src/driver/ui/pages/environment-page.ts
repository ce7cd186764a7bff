// The Environment tab: runtime information and the resolved configuration, secrets redacted.
import { redactProperties } from '../../status/redact.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { table } from '../widgets.js';

export function environmentPage(ctx: PageContext): Html {
  const env = ctx.src.reader.environment;
  const kv = (props: ReadonlyArray<readonly [string, string]>): Html[] =>
    [...redactProperties(props)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => html`<tr><td class="key">${k}</td><td class="value">${v}</td></tr>`);
  return layout(ctx, 'environment', 'Environment', html`
<h2>Runtime Information</h2>
${table(['Name', 'Value'], [html`<tr><td>Node.js Version</td><td>${process.versions.node}</td></tr>`, html`<tr><td>Platform</td><td>${process.platform} ${process.arch}</td></tr>`], 'env')}
<h2>Spark Properties</h2>
${table(['Name', 'Value'], kv(env.sparkProperties), 'env spark-properties', 'No properties recorded.')}
<h2>System Properties</h2>
${table(['Name', 'Value'], kv(env.systemProperties), 'env', 'No properties recorded.')}`);
}
