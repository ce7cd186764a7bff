// The driver's status side, started by SparkContext: the status store fed by the status bus, the event log,
// the console progress bar and the web UI server. SparkContext calls start() before posting application-start.
import os from 'node:os';
import type { SparkConf } from '../../common/spark-conf.js';
import type { StorageLevel } from '../../rdd/storage-level.js';
import { ConsoleProgress } from '../status/console-progress.js';
import { EventLogWriter } from '../status/event-log-writer.js';
import type { StatusBus, StatusEvent } from '../status/status-events.js';
import { StatusStore } from '../status/status-store.js';
import type { UiServer } from './ui-server.js';
import type { UiSource } from './ui-source.js';

/** The slice of SparkContext the driver UI needs. */
export interface DriverUiHost {
  readonly conf: SparkConf;
  readonly applicationId: string;
  readonly statusBus: StatusBus;
  getPersistentRDDs(): Map<number, StorageLevel>;
  getRDDStorageInfo?(): ReadonlyArray<{ readonly id: number; readonly numCachedPartitions: number; readonly memSize: number }>;
  cancelJobGroup(groupId: string): void;
  /** Cancels one job (when the context offers it). */
  cancelJob?(jobId: number): void;
}

const UI_START_DELAY_MS = 250;

export class DriverUi {
  readonly store: StatusStore;
  private readonly eventLog: EventLogWriter | undefined;
  private readonly progress: ConsoleProgress | undefined;
  private server: UiServer | undefined;
  private starting: Promise<string | undefined> | undefined;
  private stopped = false;
  private readonly enabled: boolean;
  private readonly onUrl: (url: string) => void;

  constructor(private readonly host: DriverUiHost, onUrl: (url: string) => void = () => undefined) {
    const conf = host.conf;
    this.onUrl = onUrl;
    this.store = new StatusStore({
      retainedJobs: conf.getInt('spark.ui.retainedJobs'), retainedStages: conf.getInt('spark.ui.retainedStages'),
      retainedTasks: conf.getInt('spark.ui.retainedTasks'), retainedSqlExecutions: conf.getInt('spark.sql.ui.retainedExecutions'),
    });
    host.statusBus.subscribe((e) => this.store.apply(e));
    if (conf.getBool('spark.eventLog.enabled')) this.eventLog = new EventLogWriter(conf.getString('spark.eventLog.dir'), host.applicationId).attach(host.statusBus);
    if (conf.getBool('spark.ui.showConsoleProgress', true) && process.stderr.isTTY) this.progress = new ConsoleProgress(host.statusBus, process.stderr);
    this.enabled = conf.getBool('spark.ui.enabled', true);
    // The server starts shortly after the context (or at once when someone awaits `ready`): an application that
    // finishes in a few hundred milliseconds never pays for loading Fastify. The status store records from the start.
    if (this.enabled) setTimeout(() => void this.ready, UI_START_DELAY_MS).unref();
  }

  /** Starts the web UI if it is not running yet; resolves with its URL (undefined when disabled or not bound). */
  get ready(): Promise<string | undefined> {
    if (!this.enabled || this.stopped) return this.starting ?? Promise.resolve(undefined);
    this.starting ??= Promise.all([import('./ui-app.js'), import('./ui-server.js')]).then(([{ createUiApp }, { listenWithRetries }]) =>
      listenWithRetries(createUiApp(this.source()), this.host.conf.getString('spark.ui.bindAddress'), this.host.conf.getInt('spark.ui.port'))).then(
      async (s) => {
        if (this.stopped) {
          await s.close();
          return undefined;
        }
        this.server = s;
        process.stderr.write(`Spark web UI available at ${s.url}\n`);
        this.onUrl(s.url);
        return s.url;
      },
      (err: unknown) => {
        process.emitWarning(`web UI not started: ${String(err)}`);
        return undefined;
      },
    );
    return this.starting;
  }

  /** The environment-update event for this context (posted by SparkContext right after application-start). */
  environmentEvent(): StatusEvent {
    const sys: Array<[string, string]> = [['node.version', process.version], ['os.name', os.type()], ['os.arch', os.arch()], ['user.name', os.userInfo().username], ['user.dir', process.cwd()]];
    return { kind: 'environment-update', sparkProperties: this.host.conf.getAll(), systemProperties: sys };
  }

  source(): UiSource {
    const host = this.host;
    const store = this.store;
    return {
      reader: store,
      live: true,
      storage: () => {
        const info = new Map((host.getRDDStorageInfo?.() ?? []).map((i) => [i.id, i]));
        return [...host.getPersistentRDDs()].map(([id, l]) => {
          const i = info.get(id);
          const bytes = i?.memSize ?? 0;
          return {
            id, name: `RDD ${id}`, storageLevel: l.name, useMemory: l.useMemory, useDisk: l.useDisk, replication: l.replication,
            numCachedPartitions: i?.numCachedPartitions ?? 0, memoryUsed: l.useMemory ? bytes : 0, diskUsed: l.useMemory ? 0 : bytes,
          };
        });
      },
      controls: {
        killEnabled: host.conf.getBool('spark.ui.killEnabled', true),
        killJob(jobId) {
          const j = store.job(jobId);
          if (!j || j.status !== 'RUNNING') return false;
          if (host.cancelJob) host.cancelJob(jobId);
          else if (j.jobGroup !== undefined) host.cancelJobGroup(j.jobGroup);
          else return false;
          return true;
        },
        killStage(stageId) {
          // TODO: stage-level cancellation needs a DagScheduler entry point; kill the stage's running jobs instead
          const s = store.stage(stageId);
          if (!s || s.status !== 'ACTIVE') return false;
          return s.jobIds.map((id) => this.killJob(id)).some(Boolean);
        },
      },
    };
  }

  async stop(): Promise<void> {
    this.progress?.stop();
    this.stopped = true;
    await this.starting;
    await this.server?.close();
    this.eventLog?.close();
  }
}
