// Cuts a golden-file input script into statements exactly as Spark's SQLQueryTestSuite does (comment lines
// removed before joining, `;` split with `(?<=[^\\]);`, QUERY-DELIMITER blocks), and reads its `--SET`,
// `--IMPORT` and `--CONFIG_DIM` directives. Quirks are kept on purpose: a missing `;` merges two statements.
import { dropTrailingEmpty, javaTrim } from './java-text.js';

export interface ScriptDirectives {
  /** `--SET k=v[,k2=v2]` pairs, in file order. */
  readonly settings: ReadonlyArray<readonly [string, string]>;
  /** `--IMPORT other.sql` names (relative to inputs/). */
  readonly imports: readonly string[];
  /** `--CONFIG_DIM<n> …` lines by dimension; each entry is one config set. Spark expects the same output for all. */
  readonly configDims: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<readonly [string, string]>>>;
}

export interface SplitScript extends ScriptDirectives {
  readonly statements: readonly string[];
}

/** Lines of the file: comment/directive lines (trimmed text starts with `--` but not `--QUERY-DELIMITER`) and code. */
export function splitCommentsAndCode(input: string): { readonly comments: string[]; readonly code: string[] } {
  const comments: string[] = [];
  const code: string[] = [];
  for (const line of dropTrailingEmpty(input.split('\n'))) {
    const t = javaTrim(line);
    if (t.startsWith('--') && !t.startsWith('--QUERY-DELIMITER')) comments.push(line);
    else code.push(line);
  }
  return { comments, code };
}

/** `lines.mkString("\n").split("(?<=[^\\\\]);")`: split on every `;` whose previous character exists and is not `\`. */
export function splitWithSemicolon(lines: readonly string[]): string[] {
  const text = lines.join('\n');
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x3b && text.charCodeAt(i - 1) !== 0x5c) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return dropTrailingEmpty(parts);
}

/** Reads the directives from the comment lines (Spark matches them untrimmed: `--SET ` at column 0). */
export function readDirectives(comments: readonly string[]): ScriptDirectives {
  const settings: Array<readonly [string, string]> = [];
  const imports: string[] = [];
  const configDims = new Map<string, Array<ReadonlyArray<readonly [string, string]>>>();
  for (const c of comments) {
    if (c.startsWith('--SET ')) settings.push(...pairs(c.slice(6)));
    else if (c.startsWith('--IMPORT ')) imports.push(javaTrim(c.slice(9)));
    else if (c.startsWith('--CONFIG_DIM')) {
      const m = /^--CONFIG_DIM(\S*)\s+(.*)$/.exec(c);
      if (!m) continue;
      const dim = m[1]!;
      const sets = configDims.get(dim) ?? [];
      sets.push(pairs(m[2]!));
      configDims.set(dim, sets);
    }
  }
  return { settings, imports, configDims };
}

function pairs(text: string): Array<readonly [string, string]> {
  return text.split(',').map((kv) => {
    const eq = kv.indexOf('=');
    return eq < 0 ? [javaTrim(kv), ''] as const : [javaTrim(kv.slice(0, eq)), javaTrim(kv.slice(eq + 1))] as const;
  });
}

/**
 * Splits a script into Spark's statement list. `importCode` returns the code lines of an imported file (its
 * comments already removed) or undefined when it is unknown; Spark silently skips unknown imports.
 */
export function splitScript(input: string, importCode?: (name: string) => readonly string[] | undefined): SplitScript {
  const { comments, code } = splitCommentsAndCode(input);
  const directives = readDirectives(comments);
  const imported = directives.imports.flatMap((n) => importCode?.(n) ?? []);
  const allCode = [...imported, ...code];
  const raw: string[] = [];
  if (allCode.some((c) => javaTrim(c).startsWith('--QUERY-DELIMITER'))) {
    let other: string[] = [];
    let block = '';
    let inBlock = false;
    for (const c of allCode) {
      const t = javaTrim(c);
      if (t.startsWith('--QUERY-DELIMITER-START')) {
        inBlock = true;
        raw.push(...splitWithSemicolon(other));
        other = [];
      } else if (t.startsWith('--QUERY-DELIMITER-END')) {
        inBlock = false;
        raw.push(`\n${block.endsWith(';') ? block.slice(0, -1) : block}`);
        block = '';
      } else if (inBlock) {
        block += `\n${c}`;
      } else {
        other.push(c);
      }
    }
    if (other.length > 0) raw.push(...splitWithSemicolon(other));
  } else {
    raw.push(...splitWithSemicolon(allCode));
  }
  const statements = raw
    .map(javaTrim)
    .filter((s) => s !== '')
    // Spark's "fix misplacement when comment is at the end of the query": drop lines starting with `--` (untrimmed).
    .map((s) => dropTrailingEmpty(s.split('\n')).filter((l) => !l.startsWith('--')).join('\n'))
    .map(javaTrim)
    .filter((s) => s !== '');
  return { ...directives, statements };
}
