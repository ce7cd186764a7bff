// Redaction of secret configuration values for the UI, the REST API and event logs: keys marked secret in the
// registry and keys matching spark.redaction.regex (case-insensitive; Spark's "(?i)" prefix is accepted).
import { CONF_REGISTRY } from '../../common/config-registry.js';

export const REDACTED_VALUE = '*********(redacted)';

export function redactionPattern(props: ReadonlyArray<readonly [string, string]>): RegExp {
  const configured = props.find(([k]) => k === 'spark.redaction.regex')?.[1] ?? CONF_REGISTRY.get('spark.redaction.regex')?.default ?? 'secret|password|token';
  try {
    return new RegExp(configured.replace(/^\(\?i\)/, ''), 'i');
  } catch {
    return /secret|password|token/i;
  }
}

export function redactProperties(props: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const re = redactionPattern(props);
  return props.map(([k, v]) => [k, CONF_REGISTRY.get(k)?.secret === true || re.test(k) ? REDACTED_VALUE : v]);
}
