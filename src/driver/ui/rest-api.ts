// Spark's monitoring REST API under /api/v1 (paths and JSON fields as in Spark's monitoring guide), served from
// one or more applications' status stores; a client written for Spark's REST API works unchanged.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TSSPARK_VERSION } from '../status/event-log-writer.js';
import { redactProperties } from '../status/redact.js';
import { isTaskSortKey, type TaskSortKey } from '../status/task-summary.js';
import { applicationJson, executorJson, jobJson, rddStorageJson, sqlJson, type SqlJsonOptions, stageJson, taskJson, taskSummaryJson } from './rest-json.js';
import type { UiSource } from './ui-source.js';

export interface SourceDirectory {
  get(appId: string): UiSource | undefined;
  list(): readonly UiSource[];
}

type Params = Record<string, string>;
type Query = Record<string, string | undefined>;

/** Spark's SqlResource flags: details (operator metrics) and planDescription, both true unless "false". */
const sqlOptions = (q: Query): SqlJsonOptions => ({ details: q['details'] !== 'false', planDescription: q['planDescription'] !== 'false' });
const int = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
const notFound = (reply: FastifyReply, what: string): FastifyReply => reply.code(404).type('text/plain').send(`${what} not found`);

/** Spark's taskList sortBy values ("ID", "runtime", "-runtime", …) mapped onto the store's sort keys. */
function taskSort(sortBy: string | undefined): { key: TaskSortKey; desc: boolean } {
  const s = sortBy ?? 'ID';
  const desc = s.startsWith('-');
  const name = desc ? s.slice(1) : s;
  if (name === 'ID') return { key: 'taskId', desc };
  if (name === 'runtime' || name === 'increasingRuntime') return { key: 'duration', desc };
  if (name === 'decreasingRuntime') return { key: 'duration', desc: true };
  return { key: isTaskSortKey(name) ? name : 'taskId', desc };
}

export function registerRestApi(app: FastifyInstance, apps: SourceDirectory): void {
  const A = '/api/v1/applications/:appId';
  const withApp = (params: Params, reply: FastifyReply): UiSource | undefined => {
    const src = apps.get(params['appId'] ?? '');
    if (!src) void notFound(reply, `unknown app: ${params['appId']}`);
    return src;
  };

  app.get('/api/v1/version', async () => ({ spark: TSSPARK_VERSION }));
  app.get('/api/v1/applications', async (req) => {
    const q = req.query as Query;
    const status = q['status']?.toLowerCase();
    const now = Date.now();
    return apps.list()
      .filter((s) => status === undefined || (status === 'completed') === (s.reader.app.endTime !== undefined))
      .map((s) => applicationJson(s.reader.app, now));
  });
  app.get(A, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    return src ? applicationJson(src.reader.app, Date.now()) : reply;
  });
  app.get(`${A}/jobs`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const statuses = new Set(([] as string[]).concat((req.query as Record<string, string | string[]>)['status'] ?? []).map((s) => s.toUpperCase()));
    return src.reader.jobs().filter((j) => statuses.size === 0 || statuses.has(j.status)).map(jobJson);
  });
  app.get(`${A}/jobs/:jobId`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const j = src.reader.job(int((req.params as Params)['jobId']) ?? -1);
    return j ? jobJson(j) : notFound(reply, 'job');
  });
  app.get(`${A}/stages`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const q = req.query as Query;
    const statuses = new Set(([] as string[]).concat((req.query as Record<string, string | string[]>)['status'] ?? []).map((s) => s.toUpperCase()));
    const details = q['details'] === 'true';
    return src.reader.stages().filter((s) => statuses.size === 0 || statuses.has(s.status)).map((s) => stageJson(s, details ? [...s.tasks.values()] : undefined));
  });
  app.get(`${A}/stages/:stageId`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const attempts = src.reader.stageAttempts(int((req.params as Params)['stageId']) ?? -1);
    const details = (req.query as Query)['details'] !== 'false';
    return attempts.length > 0 ? attempts.map((s) => stageJson(s, details ? [...s.tasks.values()] : undefined)) : notFound(reply, 'stage');
  });
  app.get(`${A}/stages/:stageId/:attempt`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const p = req.params as Params;
    const s = src.reader.stage(int(p['stageId']) ?? -1, int(p['attempt']) ?? -1);
    const details = (req.query as Query)['details'] !== 'false';
    return s ? stageJson(s, details ? [...s.tasks.values()] : undefined) : notFound(reply, 'stage attempt');
  });
  app.get(`${A}/stages/:stageId/:attempt/taskSummary`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const p = req.params as Params;
    const s = src.reader.stage(int(p['stageId']) ?? -1, int(p['attempt']) ?? -1);
    if (!s) return notFound(reply, 'stage attempt');
    const qs = ((req.query as Query)['quantiles'] ?? '0.05,0.25,0.5,0.75,0.95').split(',').map(Number);
    if (qs.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) return reply.code(400).type('text/plain').send('quantiles must be numbers in [0, 1]');
    return taskSummaryJson(src.reader.taskSummary(s, qs));
  });
  app.get(`${A}/stages/:stageId/:attempt/taskList`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const p = req.params as Params;
    const q = req.query as Query;
    const s = src.reader.stage(int(p['stageId']) ?? -1, int(p['attempt']) ?? -1);
    if (!s) return notFound(reply, 'stage attempt');
    const { key, desc } = taskSort(q['sortBy']);
    const offset = int(q['offset']) ?? 0;
    const length = Math.min(int(q['length']) ?? 20, 100_000);
    const status = q['status']?.toUpperCase();
    if (status === undefined) return src.reader.taskPage(s, key, desc, offset, length).map(taskJson);
    return src.reader.taskPage(s, key, desc, 0, s.tasks.size).filter((t) => t.status === status).slice(offset, offset + length).map(taskJson);
  });
  app.get(`${A}/executors`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    return src ? src.reader.executors().filter((x) => x.isActive).map(executorJson) : reply;
  });
  app.get(`${A}/allexecutors`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    return src ? src.reader.executors().map(executorJson) : reply;
  });
  app.get(`${A}/storage/rdd`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    return src ? src.storage().map(rddStorageJson) : reply;
  });
  app.get(`${A}/storage/rdd/:rddId`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const r = src.storage().find((x) => x.id === int((req.params as Params)['rddId']));
    return r ? rddStorageJson(r) : notFound(reply, 'rdd');
  });
  app.get(`${A}/environment`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const env = src.reader.environment;
    return {
      runtime: { javaVersion: `Node.js ${process.versions.node}`, javaHome: process.execPath, scalaVersion: `TypeScript tsspark ${TSSPARK_VERSION}` },
      sparkProperties: redactProperties(env.sparkProperties), hadoopProperties: [], systemProperties: redactProperties(env.systemProperties),
      metricsProperties: [], classpathEntries: [], resourceProfiles: [],
    };
  });
  app.get(`${A}/sql`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const q = req.query as Query;
    const now = Date.now();
    const all = src.reader.sqlExecutions().slice().reverse();
    const offset = int(q['offset']) ?? 0;
    const length = int(q['length']) ?? 20;
    return all.slice(offset, offset + length).map((x) => sqlJson(x, (id) => src.reader.job(id)?.status, now, sqlOptions(q)));
  });
  app.get(`${A}/sql/:executionId`, async (req, reply) => {
    const src = withApp(req.params as Params, reply);
    if (!src) return reply;
    const x = src.reader.sqlExecution(int((req.params as Params)['executionId']) ?? -1);
    return x ? sqlJson(x, (id) => src.reader.job(id)?.status, Date.now(), sqlOptions(req.query as Query)) : notFound(reply, 'execution');
  });
}
