// spark.authenticate=true on local-cluster: jobs run (driver, executors and shuffle authenticate each other) and
// a peer without the secret is refused by every service — it can register no executor, launch no task and fetch
// no shuffle block.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as ts from '../../dist/index.js';
import { EnvelopeClient } from '../../dist/common/rpc/envelope.js';
import { driverServiceDefinition, executorServiceDefinition } from '../../dist/common/rpc/service-definitions.js';
import { fetchBlocks } from '../../dist/shuffle/rpc/shuffle-client.js';

let sc: ts.SparkContext;
const SECRET = 'correct horse battery staple';

beforeAll(async () => {
  sc = new ts.SparkContext({ master: 'local-cluster[2,1,512]', appName: 'auth', conf: { 'spark.authenticate': 'true', 'spark.authenticate.secret': SECRET, 'spark.ui.enabled': 'false' } });
  await sc.ready();
});
afterAll(() => sc.stop());

interface Internals { dag: { tasks: { executors: Map<string, { info: { host: string; shufflePort: number } }> } }; backend: { implementation?: { remote?: { address: string } } } }

it('runs a shuffle job with authentication on every RPC', async () => {
  const counts = await sc.parallelize(['a', 'b', 'a', 'c', 'a'], 3).map((w) => [w, 1] as [string, number]).reduceByKey((x, y) => x + y, 2).collectAsMap();
  expect(counts).toEqual(new Map([['a', 3], ['b', 1], ['c', 1]]));
});

it('refuses unauthenticated peers: driver registration, task launch and shuffle fetch', async () => {
  const internals = sc as unknown as Internals;
  const driverAddress = internals.backend.implementation?.remote?.address;
  expect(driverAddress).toMatch(/^127\.0\.0\.1:\d+$/);
  const [ex] = [...internals.dag.tasks.executors.entries()];
  const [executorId, state] = ex!;

  const driver = new EnvelopeClient(driverServiceDefinition(), driverAddress!);
  await expect(driver.call('RegisterExecutor', { executorId: 'intruder', host: '127.0.0.1', cores: 1, port: 1, pid: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  const wrong = new EnvelopeClient(driverServiceDefinition(), driverAddress!, { auth: { secret: 'wrong' } });
  await expect(wrong.call('GetBroadcast', { id: 0 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

  const executor = new EnvelopeClient(executorServiceDefinition(), `${state.info.host}:${state.info.shufflePort}`);
  await expect(executor.call('LaunchTasks', { tasks: [] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(executor.call('StopExecutor', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

  const blocks = fetchBlocks({ executorId, host: state.info.host, port: state.info.shufflePort }, { appId: sc.applicationId, shuffleId: 0, blocks: [{ mapId: 0, reduceId: 0 }] });
  await expect((async () => { for await (const b of blocks) void b; })()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  for (const c of [driver, wrong, executor]) c.close();

  // the cluster is unharmed
  expect(await sc.parallelize([1, 2, 3], 3).reduce((a, b) => a + b)).toBe(6);
});
