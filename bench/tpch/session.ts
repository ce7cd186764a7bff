// How the runner reaches the SQL engine: SparkSession from the 'tsspark' package (or a factory the caller passes,
// as the tests do), with the eight tables registered as temp views over DIR/<table>.
import path from 'node:path';
import type { DataFrame } from '../../src/sql/session/dataframe.js';
import type * as Functions from '../../src/sql/session/functions.js';
import { TABLES, type TpchTable } from './dbgen/index.js';

export type { DataFrame };
export type TpchFunctions = typeof Functions;
export type TpchTables = Readonly<Record<TpchTable, DataFrame>>;

export interface SessionLike {
  sql(text: string): DataFrame;
  readonly read: { parquet(...paths: string[]): DataFrame };
  stop(): Promise<void>;
  readonly sparkContext?: { cancelAllJobs?(): void; readonly uiWebUrl?: string | null; readonly applicationId?: string };
}

export interface Engine {
  readonly session: SessionLike;
  readonly functions: TpchFunctions | undefined;
}

/** conf: Spark properties for the session (e.g. spark.executor.memory), set on its builder. */
export type EngineFactory = (master: string, conf?: ReadonlyArray<readonly [string, string]>) => Promise<Engine>;

/** The engine of the installed package: `SparkSession` and `functions` exports of 'tsspark'. */
interface Builder { master(m: string): Builder; appName(n: string): Builder; config(k: string, v: string): Builder; getOrCreate(): SessionLike }

export const packageEngine: EngineFactory = async (master, conf = []) => {
  const mod = (await import('tsspark')) as unknown as Record<string, unknown>;
  const SparkSession = mod.SparkSession as { builder(): Builder } | undefined;
  if (SparkSession === undefined) throw new Error("the 'tsspark' package does not export SparkSession yet");
  let b = SparkSession.builder().master(master).appName('tpch');
  for (const [k, v] of conf) b = b.config(k, v);
  const session = b.getOrCreate();
  return { session, functions: mod.functions as TpchFunctions | undefined };
};

export function registerTables(session: SessionLike, dataDir: string): TpchTables {
  const out: Partial<Record<TpchTable, DataFrame>> = {};
  for (const t of TABLES) {
    const df = session.read.parquet(path.join(path.resolve(dataDir), t));
    df.createOrReplaceTempView(t);
    out[t] = df;
  }
  return out as TpchTables;
}
