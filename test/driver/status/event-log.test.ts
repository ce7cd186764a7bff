import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from '../../../src/driver/status/event-log-codec.js';
import { EventLogWriter } from '../../../src/driver/status/event-log-writer.js';
import { StatusBus } from '../../../src/driver/status/status-events.js';
import { replayEventLogFile } from '../../../src/cluster/history/replay-log.js';
import { APP_ID, recordedEvents } from './recorded-events.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
const tmp = (): string => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-evlog-')); dirs.push(d); return d; };

describe('event log', () => {
  it('every event round-trips through Spark-format JSON', () => {
    for (const e of recordedEvents()) expect(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(e))))).toEqual(e);
  });

  it('uses Spark event and field names', () => {
    const lines = recordedEvents().map(encodeEvent);
    const names = new Set(lines.map((l) => l['Event']));
    for (const n of ['SparkListenerApplicationStart', 'SparkListenerEnvironmentUpdate', 'SparkListenerExecutorAdded', 'SparkListenerJobStart', 'SparkListenerStageSubmitted', 'SparkListenerTaskStart', 'SparkListenerTaskEnd', 'SparkListenerStageCompleted', 'SparkListenerJobEnd', 'SparkListenerExecutorRemoved']) expect(names).toContain(n);
    const end = lines.find((l) => l['Event'] === 'SparkListenerTaskEnd' && (l['Task End Reason'] as { Reason: string }).Reason === 'Success')!;
    expect(end['Task Info']).toMatchObject({ 'Task ID': 0, Index: 0, 'Executor ID': '0' });
    expect((end['Task Metrics'] as Record<string, unknown>)['Input Metrics']).toEqual({ 'Bytes Read': 100, 'Records Read': 10 });
  });

  it('writes as events happen, redacts secrets and renames .inprogress at the end', () => {
    const dir = tmp();
    const bus = new StatusBus();
    const w = new EventLogWriter(dir, APP_ID).attach(bus);
    const events = recordedEvents();
    for (const e of events.slice(0, 10)) bus.post(e);
    const inprogress = path.join(dir, `${APP_ID}.inprogress`);
    const partial = fs.readFileSync(inprogress, 'utf8').trim().split('\n');
    expect(partial).toHaveLength(11); // LogStart + 10 events, flushed without closing
    expect(JSON.parse(partial[0]!).Event).toBe('SparkListenerLogStart');
    for (const e of events.slice(10)) bus.post(e);
    bus.post({ kind: 'application-end', time: 1 });
    expect(fs.existsSync(inprogress)).toBe(false);
    const text = fs.readFileSync(path.join(dir, APP_ID), 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('redacted');
    const decoded = text.trim().split('\n').map((l) => decodeEvent(JSON.parse(l))).filter((e) => e !== undefined);
    expect(decoded).toHaveLength(events.length + 1);
    expect(decoded.filter((e) => e!.kind === 'task-end')).toEqual(events.filter((e) => e.kind === 'task-end'));
    w.close(); // idempotent
    // the history server replays SQL operator metrics as the live driver showed them
    const x = replayEventLogFile(path.join(dir, APP_ID)).store.sqlExecution(0)!;
    expect(x.graph?.nodes).toHaveLength(4);
    expect(x.metricValues.get(7)).toBe(1000);
    expect(x.metricValues.get(3)).toBe(1536);
  });

  it('writes SQL metric updates as Spark DriverAccumUpdates and skips malformed graphs', () => {
    const upd = recordedEvents().map(encodeEvent).find((l) => String(l['Event']).endsWith('SparkListenerDriverAccumUpdates'))!;
    expect(upd).toMatchObject({ Event: 'org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates', executionId: 0, accumUpdates: expect.arrayContaining([[7, 500]]) });
    const start = decodeEvent({ Event: 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart', executionId: 3, description: 'd', physicalPlanDescription: 'p', time: 1, 'tsspark Plan Graph': { nodes: 'x' } });
    expect(start).toEqual({ kind: 'sql-execution-start', executionId: 3, description: 'd', physicalPlan: 'p', time: 1 });
    const bad = decodeEvent({ Event: 'org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates', executionId: 3, accumUpdates: [[1, 2], ['a', 1], 7] });
    expect(bad).toMatchObject({ kind: 'sql-metric-update', updates: [[1, 2]] });
  });
});
