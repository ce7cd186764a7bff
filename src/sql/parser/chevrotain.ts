// chevrotain, loaded from the single-file ESM build it ships (lib/chevrotain.mjs): ~15 ms instead of ~250 ms for
// the package entry's hundreds of modules, which every tsspark start-up would otherwise pay. Types come from the
// package as usual (erased at run time).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

const entry = createRequire(import.meta.url).resolve('chevrotain'); // <pkg>/lib/src/api.js
const bundled = (await import(pathToFileURL(path.join(path.dirname(entry), '..', 'chevrotain.mjs')).href)) as Chevrotain;

export const { createToken, Lexer, EOF, EmbeddedActionsParser, tokenMatcher } = bundled;
