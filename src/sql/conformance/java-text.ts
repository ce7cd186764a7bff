// Java string helpers the Spark test harness relies on: String.trim, `replaceAll("\\s+$", "")` and the
// trailing-empty-dropping String.split; JS's own trim() strips more characters than Java's.

/** Java's String.trim: strips code units <= U+0020 at both ends. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Java's `replaceAll("\\s+$", "")` (\s = [ \t\n\x0B\f\r]). */
export function stripTrailingWhitespace(s: string): string {
  let end = s.length;
  while (end > 0 && ' \t\n\u000b\f\r'.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Java's String.split result shape: trailing empty strings are dropped (leading ones kept). */
export function dropTrailingEmpty(parts: string[]): string[] {
  let n = parts.length;
  while (n > 0 && parts[n - 1] === '') n--;
  return n === parts.length ? parts : parts.slice(0, n);
}
