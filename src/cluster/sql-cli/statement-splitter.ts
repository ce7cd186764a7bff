// Cuts CLI input into statements on `;` outside quotes ('…', "…", `…`, with backslash escapes) and comments
// (-- to end of line, /* */), as spark-sql's line reader does; the unfinished tail is returned for more input.

export interface SplitInput {
  /** Complete statements, trimmed, without their `;`; comment-only pieces are dropped. */
  readonly statements: string[];
  /** Text after the last `;` (an unfinished statement, or only whitespace/comments). */
  readonly rest: string;
}

export function splitSqlStatements(text: string): SplitInput {
  const statements: string[] = [];
  let start = 0;
  let quote = '';
  let lineComment = false;
  let blockComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (lineComment) { if (c === '\n') lineComment = false; continue; }
    if (blockComment) { if (c === '*' && text[i + 1] === '/') { blockComment = false; i++; } continue; }
    if (quote !== '') {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\'' || c === '"' || c === '`') quote = c;
    else if (c === '-' && text[i + 1] === '-') lineComment = true;
    else if (c === '/' && text[i + 1] === '*') { blockComment = true; i++; }
    else if (c === ';') {
      const piece = text.slice(start, i);
      if (!isBlank(piece)) statements.push(piece.trim());
      start = i + 1;
    }
  }
  return { statements, rest: text.slice(start) };
}

/** True when `text` holds only whitespace and comments (nothing to run). */
export function isBlank(text: string): boolean {
  const stripped = text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return stripped.trim() === '';
}
