// How tsspark-submit prints an application's failure: the stack (which carries the message), a TsSparkError's
// hint when the stack does not already show it, and the `cause` chain as "Caused by:" sections.
const MAX_CAUSES = 5;

export function formatAppError(e: unknown): string {
  let out = describeOne(e);
  let cause = e instanceof Error ? e.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    out += `\nCaused by: ${describeOne(cause)}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return out;
}

function describeOne(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error value thrown: ${safeString(e)}`;
  const head = `${e.name}: ${e.message}`;
  let text = e.stack !== undefined && e.stack.includes(e.message) ? e.stack : `${head}\n${e.stack ?? ''}`.trimEnd();
  const hint = (e as { hint?: unknown }).hint;
  if (typeof hint === 'string' && hint !== '' && !text.includes(hint)) text += `\nHint: ${hint}`;
  return text;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}
