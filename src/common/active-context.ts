// Registry of live driver contexts, so tsspark-submit can stop whatever the application left running
// and so `SparkContext.getOrCreate()` / `SparkSession.builder().getOrCreate()` find the active one.

export interface StoppableContext {
  stop(): Promise<void>;
  readonly isStopped: boolean;
}

const active = new Set<StoppableContext>();

export function registerActiveContext(ctx: StoppableContext): void {
  active.add(ctx);
}

export function unregisterActiveContext(ctx: StoppableContext): void {
  active.delete(ctx);
}

export function activeContexts(): StoppableContext[] {
  return [...active].filter((c) => !c.isStopped);
}

export async function stopAllActiveContexts(): Promise<void> {
  for (const c of activeContexts()) await c.stop();
}

/** Conf handed down by tsspark-submit (it sets this before importing the application). */
const SUBMIT_KEY = Symbol.for('tsspark.submit.conf');

export function setSubmittedConf(conf: Record<string, string>): void {
  (globalThis as Record<symbol, unknown>)[SUBMIT_KEY] = conf;
}

export function submittedConf(): Record<string, string> | undefined {
  const fromGlobal = (globalThis as Record<symbol, unknown>)[SUBMIT_KEY] as Record<string, string> | undefined;
  if (fromGlobal) return fromGlobal;
  const env = process.env.TSSPARK_SUBMIT_CONF;
  if (env) {
    try {
      return JSON.parse(env) as Record<string, string>;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * How layers below the driver (the SQL session) obtain a SparkContext without importing it: the driver registers
 * a factory when its module loads.
 */
export interface ContextFactory {
  (conf: Record<string, string>): StoppableContext;
}

let factory: ContextFactory | undefined;

export function registerContextFactory(f: ContextFactory): void {
  factory = f;
}

export function createContext(conf: Record<string, string>): StoppableContext {
  if (!factory) throw new Error('no SparkContext factory registered: import tsspark (src/index.ts) first');
  return factory(conf);
}
