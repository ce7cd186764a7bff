// The import table of an ES module file (local binding -> resolved module URL + export name), parsed once per URL.
// capture.ts uses it to ship imported bindings by reference instead of by value.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type Node } from 'acorn';
import { createRequire } from 'node:module';
import { resolveSpecifier } from './resolve-specifier.js';

/** One import binding: `export` is the exported name, 'default', or '*' for a namespace import. */
export interface ImportBinding {
  readonly url: string;
  readonly export: string;
}

const tables = new Map<string, ReadonlyMap<string, ImportBinding>>();
const EMPTY: ReadonlyMap<string, ImportBinding> = new Map();

/** Import bindings of the module at `moduleUrl`; empty when it is not a readable, parseable file: URL. */
export function moduleImports(moduleUrl: string): ReadonlyMap<string, ImportBinding> {
  let table = tables.get(moduleUrl);
  if (!table) {
    table = readImports(moduleUrl);
    tables.set(moduleUrl, table);
  }
  return table;
}

type ImportNode = Node & {
  type: string;
  source: { value: string };
  specifiers: readonly { type: string; local: { name: string }; imported?: { type: string; name?: string; value?: string } }[];
};

function readImports(moduleUrl: string): ReadonlyMap<string, ImportBinding> {
  if (!moduleUrl.startsWith('file:')) return EMPTY;
  let program: Node & { body: readonly ImportNode[] };
  try {
    let text = readFileSync(fileURLToPath(moduleUrl), 'utf8');
    // TypeScript run through a loader hook (tsspark-submit): V8 sees esbuild's output, which keeps import names.
    if (/\.[cm]?tsx?$/.test(moduleUrl)) text = esbuildTransformSync()(text, { loader: moduleUrl.endsWith('x') ? 'tsx' : 'ts', format: 'esm' }).code;
    program = parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }) as typeof program;
  } catch {
    return EMPTY;
  }
  const out = new Map<string, ImportBinding>();
  for (const stmt of program.body) {
    if (stmt.type !== 'ImportDeclaration') continue;
    const url = resolveSpecifier(stmt.source.value, moduleUrl);
    for (const s of stmt.specifiers) {
      const exported =
        s.type === 'ImportNamespaceSpecifier' ? '*'
        : s.type === 'ImportDefaultSpecifier' ? 'default'
        : (s.imported?.name ?? s.imported?.value ?? s.local.name);
      out.set(s.local.name, { url, export: exported });
    }
  }
  return out;
}

/** esbuild is loaded only when a TypeScript module's imports are read (it costs ~45 ms to load). */
let transform: typeof import('esbuild').transformSync | undefined;
function esbuildTransformSync(): typeof import('esbuild').transformSync {
  transform ??= (createRequire(import.meta.url)('esbuild') as typeof import('esbuild')).transformSync;
  return transform;
}
