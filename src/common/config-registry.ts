// The one registry of configuration keys: name, type, default and doc. Templates and docs are generated from it;
// SparkConf reads typed values through it. Spark's key names are kept.

export type ConfType = 'string' | 'int' | 'bool' | 'bytes' | 'duration' | 'double';

export interface ConfEntry {
  readonly key: string;
  readonly type: ConfType;
  readonly default: string | undefined;
  readonly doc: string;
  readonly secret?: boolean;
}

const entries: ConfEntry[] = [
  { key: 'spark.master', type: 'string', default: 'local[*]', doc: 'Master URL: local, local[N], local[*], local[N,F], local-cluster[E,C,M], spark://host:port.' },
  { key: 'spark.app.name', type: 'string', default: 'tsspark-app', doc: 'Application name shown in the UI and logs.' },
  { key: 'spark.app.id', type: 'string', default: undefined, doc: 'Application id (assigned at start when unset).' },
  { key: 'spark.executor.memory', type: 'bytes', default: '1g', doc: 'Memory per executor process; shuffle buffers spill to disk beyond a fraction of it.' },
  { key: 'spark.executor.extraNodeOptions', type: 'string', default: undefined, doc: 'Extra command-line options for executor node processes (e.g. --cpu-prof, --max-old-space-size=4096).' },
  { key: 'spark.executor.cores', type: 'int', default: '1', doc: 'Task slots per executor (standalone mode).' },
  { key: 'spark.cores.max', type: 'int', default: undefined, doc: 'Total executor cores for the application on a standalone cluster.' },
  { key: 'spark.default.parallelism', type: 'int', default: undefined, doc: 'Default number of partitions for parallelize and shuffles (default: total executor cores).' },
  { key: 'spark.sql.shuffle.partitions', type: 'int', default: '200', doc: 'Number of post-shuffle partitions for SQL (coalesced adaptively).' },
  { key: 'spark.task.maxFailures', type: 'int', default: '4', doc: 'Attempts of one task before the job fails (local[N] uses 1, local[N,F] uses F).' },
  { key: 'spark.local.dir', type: 'string', default: undefined, doc: 'Directory for shuffle files and spills (default: the OS temp directory).' },
  { key: 'spark.shuffle.compress', type: 'bool', default: 'false', doc: 'Compress shuffle blocks.' },
  { key: 'spark.shuffle.spill.batchRecords', type: 'int', default: '4096', doc: 'Records per serialized batch in shuffle files.' },
  { key: 'spark.memory.fraction', type: 'double', default: '0.6', doc: 'Fraction of executor memory usable for shuffle and aggregation buffers before spilling.' },
  { key: 'spark.network.timeout', type: 'duration', default: '120s', doc: 'An executor without heartbeats for this long is declared lost.' },
  { key: 'spark.executor.heartbeatInterval', type: 'duration', default: '10s', doc: 'Interval between executor heartbeats to the driver.' },
  { key: 'spark.driver.host', type: 'string', default: '127.0.0.1', doc: 'Address the driver binds and advertises.' },
  { key: 'spark.driver.port', type: 'int', default: '0', doc: 'Driver RPC port (0 = ephemeral).' },
  { key: 'spark.ui.enabled', type: 'bool', default: 'true', doc: 'Start the driver web UI.' },
  { key: 'spark.ui.port', type: 'int', default: '4040', doc: 'Driver UI port (next free port if taken).' },
  { key: 'spark.authenticate', type: 'bool', default: 'false', doc: 'Authenticate every RPC with the shared secret.' },
  { key: 'spark.authenticate.secret', type: 'string', default: undefined, doc: 'Shared secret (or TSSPARK_AUTH_SECRET).', secret: true },
  { key: 'spark.eventLog.enabled', type: 'bool', default: 'false', doc: 'Write status events as JSON lines.' },
  { key: 'spark.eventLog.dir', type: 'string', default: '/tmp/tsspark-events', doc: 'Directory for event logs.' },
  { key: 'spark.checkpoint.dir', type: 'string', default: undefined, doc: 'Directory for RDD checkpoints (sc.setCheckpointDir).' },
  { key: 'spark.logConf', type: 'bool', default: 'false', doc: 'Log the effective configuration at start.' },
  { key: 'spark.driver.memory', type: 'bytes', default: '1g', doc: 'Driver memory (tsspark-submit --driver-memory); recorded, the Node heap is sized with --max-old-space-size.' },
  { key: 'spark.files', type: 'string', default: undefined, doc: 'Comma-separated absolute paths of files (tsspark-submit --files) fetched into every executor\'s working directory.' },
  { key: 'spark.redaction.regex', type: 'string', default: 'secret|password|token|access[.]?key', doc: 'Case-insensitive regex: conf keys it matches have their values redacted in verbose output, the UI and event logs.' },
  { key: 'spark.ui.bindAddress', type: 'string', default: '127.0.0.1', doc: 'Address the driver UI binds (loopback by default: the UI is not exposed to the network unless asked).' },
  { key: 'spark.ui.killEnabled', type: 'bool', default: 'true', doc: 'Allow killing jobs and stages from the web UI.' },
  { key: 'spark.ui.showConsoleProgress', type: 'bool', default: 'true', doc: 'Draw the stage progress bar on stderr when it is a terminal.' },
  { key: 'spark.ui.retainedJobs', type: 'int', default: '1000', doc: 'Finished jobs the UI and status store remember.' },
  { key: 'spark.ui.retainedStages', type: 'int', default: '1000', doc: 'Finished stage attempts the UI and status store remember.' },
  { key: 'spark.ui.retainedTasks', type: 'int', default: '100000', doc: 'Finished tasks remembered per stage attempt (counters and totals still count every task).' },
  { key: 'spark.sql.ui.retainedExecutions', type: 'int', default: '1000', doc: 'Finished SQL executions the UI remembers.' },
  { key: 'spark.history.fs.logDirectory', type: 'string', default: '/tmp/tsspark-events', doc: 'Directory of event logs that tsspark-history serves.' },
  { key: 'spark.history.ui.port', type: 'int', default: '18080', doc: 'Port of the history server (tsspark-history).' },
  { key: 'spark.worker.timeout', type: 'duration', default: '60s', doc: 'A worker without heartbeats for this long is marked DEAD by the master.' },
  { key: 'spark.deploy.spreadOut', type: 'bool', default: 'true', doc: 'Spread an application\'s executors across workers (else pack them).' },
  { key: 'spark.deploy.retainedApplications', type: 'int', default: '200', doc: 'Completed applications the master UI keeps.' },
  { key: 'spark.deploy.maxExecutorRetries', type: 'int', default: '10', doc: 'Executor failures after which the master marks an application FAILED.' },
  { key: 'spark.dead.worker.persistence', type: 'int', default: '15', doc: 'Worker timeouts a DEAD worker stays listed.' },
  { key: 'spark.tsspark.master.appTimeout', type: 'duration', default: '60s', doc: 'An application whose driver is silent this long is KILLED by the master.' },
  { key: 'spark.tsspark.standalone.heartbeatInterval', type: 'duration', default: '1s', doc: 'Driver-to-master application heartbeat interval.' },
  { key: 'spark.scheduler.minRegisteredResourcesRatio', type: 'double', default: '1', doc: 'Fraction of granted cores that must register before jobs start (standalone).' },
  { key: 'spark.scheduler.maxRegisteredResourcesWaitingTime', type: 'duration', default: '30s', doc: 'Longest wait for granted executors to register (standalone).' },
];

export const CONF_REGISTRY: ReadonlyMap<string, ConfEntry> = new Map(entries.map((e) => [e.key, e]));

export function confEntries(): readonly ConfEntry[] {
  return entries;
}
