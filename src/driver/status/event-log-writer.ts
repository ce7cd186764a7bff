// Writes an application's status events to spark.eventLog.dir as JSON lines (event-log-codec.ts), one write per
// event so a crashed driver leaves every finished line on disk; `<appId>.inprogress` is renamed to `<appId>` at the end.
import fs from 'node:fs';
import path from 'node:path';
import { encodeEvent } from './event-log-codec.js';
import type { StatusBus, StatusEvent } from './status-events.js';
import { redactProperties } from './redact.js';

export const IN_PROGRESS_SUFFIX = '.inprogress';
export const TSSPARK_VERSION = '0.1.0';

export class EventLogWriter {
  private fd: number | undefined;
  readonly path: string;
  private readonly finalPath: string;
  private unsubscribe: (() => void) | undefined;

  constructor(dir: string, appId: string) {
    const d = path.resolve(dir.replace(/^file:(\/\/)?/, ''));
    fs.mkdirSync(d, { recursive: true });
    this.finalPath = path.join(d, appId.replace(/[^\w.-]/g, '_'));
    this.path = this.finalPath + IN_PROGRESS_SUFFIX;
    this.fd = fs.openSync(this.path, 'w');
    this.writeLine({ Event: 'SparkListenerLogStart', 'Spark Version': TSSPARK_VERSION });
  }

  /** Logs every event posted on `bus` (events already posted are passed in `earlier`). */
  attach(bus: StatusBus, earlier: readonly StatusEvent[] = []): this {
    for (const e of earlier) this.write(e);
    this.unsubscribe = bus.subscribe((e) => this.write(e));
    return this;
  }

  write(e: StatusEvent): void {
    const logged = e.kind === 'environment-update' ? { ...e, sparkProperties: redactProperties(e.sparkProperties), systemProperties: redactProperties(e.systemProperties) } : e;
    this.writeLine(encodeEvent(logged));
    if (e.kind === 'application-end') this.close();
  }

  private writeLine(o: object): void {
    if (this.fd === undefined) return;
    fs.writeSync(this.fd, `${JSON.stringify(o)}\n`);
  }

  /** Closes the file and drops the in-progress suffix (idempotent). */
  close(): void {
    this.unsubscribe?.();
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    fs.renameSync(this.path, this.finalPath);
  }
}
