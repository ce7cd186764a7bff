// The comment text of clause 4.2.2.10/4.2.2.14: a pool of sentences built from the spec's grammar, from which
// every comment is a random substring of random length in [min, max]. The pool is built once per process.
import { ADJECTIVES, ADVERBS, AUXILIARIES, NOUNS, PREPOSITIONS, TERMINATORS, VERBS } from './distributions.js';
import { Rng } from './prng.js';

const POOL_BYTES = 4 << 20;
let pool: string | undefined;

function nounPhrase(r: Rng): string {
  switch (r.int(0, 3)) {
    case 0: return r.pick(NOUNS);
    case 1: return `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    case 2: return `${r.pick(ADJECTIVES)}, ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    default: return `${r.pick(ADVERBS)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
  }
}

function verbPhrase(r: Rng): string {
  switch (r.int(0, 3)) {
    case 0: return r.pick(VERBS);
    case 1: return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)}`;
    case 2: return `${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
    default: return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
  }
}

const prepPhrase = (r: Rng): string => `${r.pick(PREPOSITIONS)} the ${nounPhrase(r)}`;

function sentence(r: Rng): string {
  const t = r.pick(TERMINATORS);
  switch (r.int(0, 4)) {
    case 0: return `${nounPhrase(r)} ${verbPhrase(r)}${t}`;
    case 1: return `${nounPhrase(r)} ${verbPhrase(r)} ${prepPhrase(r)}${t}`;
    case 2: return `${nounPhrase(r)} ${verbPhrase(r)} ${nounPhrase(r)}${t}`;
    case 3: return `${nounPhrase(r)} ${prepPhrase(r)} ${verbPhrase(r)} ${nounPhrase(r)}${t}`;
    default: return `${nounPhrase(r)} ${prepPhrase(r)} ${verbPhrase(r)} ${prepPhrase(r)}${t}`;
  }
}

export function textPool(): string {
  if (pool !== undefined) return pool;
  const r = new Rng(19920101, 99, 0);
  const parts: string[] = [];
  let n = 0;
  while (n < POOL_BYTES) {
    const s = sentence(r);
    parts.push(s);
    n += s.length + 1;
  }
  pool = parts.join(' ');
  return pool;
}

/** The spec's text[min, max]: a random-length substring of the pool. */
export function text(r: Rng, min: number, max: number): string {
  const p = textPool();
  const len = r.int(min, max);
  const at = r.int(0, p.length - len);
  return p.slice(at, at + len);
}

/** The spec's v-string[min, max]: random characters from a 64-symbol alphabet. */
const ALPHA = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.';
export function vstring(r: Rng, min: number, max: number): string {
  const len = r.int(min, max);
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHA[r.next() & 63];
  return s;
}
