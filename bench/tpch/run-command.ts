// placeholder, replaced below
export interface RunArgs { readonly data: string; readonly queries: readonly number[] | undefined; readonly api: 'sql' | 'dataframe'; readonly master: string | undefined; readonly json: string | undefined; readonly runs: number; readonly check: boolean }
export async function runBench(_a: RunArgs): Promise<{ queries: Array<{ status: string }> }> { return { queries: [] }; }
