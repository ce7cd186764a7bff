// explain('formatted') / EXPLAIN FORMATTED: Spark's two-part layout built from the physical plan tree text —
// an outline with operator ids numbered children first ("HashAggregate (4)"), then one section per operator
// ("(4) HashAggregate" and its arguments). Text that is not a plan tree is returned unchanged.

interface PlanLine {
  readonly prefix: string;
  readonly name: string;
  readonly args: string;
  readonly depth: number;
  id: number;
}

const HEADER = '== Physical Plan ==';

/** `text`: explain('simple') output ("== Physical Plan ==" then the tree). */
export function formatExplain(text: string): string {
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length).replace(/^\n/, '').replace(/\n+$/, '') : undefined;
  if (body === undefined || body === '') return text;
  const lines: PlanLine[] = [];
  for (const raw of body.split('\n')) {
    const m = /^((?:[ :|]  )*(?:[+:]- )?)([A-Za-z][A-Za-z0-9_]*)(.*)$/.exec(raw);
    if (m === null) return text;
    const prefix = m[1]!;
    lines.push({ prefix, name: m[2]!, args: m[3]!.trim(), depth: prefix.length / 3, id: 0 });
  }
  // children first: a node's subtree is the run of following lines deeper than it
  let next = 1;
  const number = (i: number): number => {
    let j = i + 1;
    while (j < lines.length && lines[j]!.depth > lines[i]!.depth) {
      if (lines[j]!.depth === lines[i]!.depth + 1) j = number(j);
      else j++;
    }
    lines[i]!.id = next++;
    return j;
  };
  let k = 0;
  while (k < lines.length) k = number(k);
  const outline = lines.map((l) => `${l.prefix}${l.name} (${l.id})`).join('\n');
  const details = [...lines].sort((a, b) => a.id - b.id)
    .map((l) => `(${l.id}) ${l.name}${l.args === '' ? '' : `\nArguments: ${l.args}`}`).join('\n\n');
  return `${HEADER}\n${outline}\n\n\n${details}\n\n`;
}
