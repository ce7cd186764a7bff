import { describe, expect, it } from 'vitest';
import { ConsoleProgress, renderProgressLine } from '../../../src/driver/status/console-progress.js';
import { StatusBus } from '../../../src/driver/status/status-events.js';

describe('console progress bar', () => {
  it('renders Spark\'s layout', () => {
    const line = renderProgressLine([{ id: 3, total: 40, done: 12, active: 2 }], 80);
    expect(line).toHaveLength(80);
    expect(line).toMatch(/^\[Stage 3:=+> +\(12 \+ 2\) \/ 40\]$/);
    expect(line.split('=').length - 1).toBe(Math.floor(((80 - 9 - 14) * 12) / 40));
    const two = renderProgressLine([{ id: 1, total: 4, done: 4, active: 0 }, { id: 2, total: 10, done: 0, active: 2 }], 80);
    expect(two).toMatch(/^\[Stage 1:=+\(4 \+ 0\) \/ 4\]\[Stage 2:> +\(0 \+ 2\) \/ 10\]$/);
  });

  it('draws stages after the first delay and erases the line when the job ends', () => {
    const bus = new StatusBus();
    const out: string[] = [];
    const p = new ConsoleProgress(bus, { write: (s: string) => out.push(s), columns: 60 }, 500, 60_000);
    bus.post({ kind: 'stage-submitted', stageId: 7, attempt: 0, name: 's', numTasks: 4, parentIds: [], rddIds: [], time: 1000 });
    bus.post({ kind: 'task-start', stageId: 7, stageAttempt: 0, taskId: 0, index: 0, attempt: 0, executorId: '0', host: 'h', time: 1001 });
    p.draw(1100);
    expect(out).toEqual([]); // not yet 500 ms old
    p.draw(1600);
    expect(out[0]).toMatch(/^\r\[Stage 7:> +\(0 \+ 1\) \/ 4\]$/);
    bus.post({ kind: 'task-end', stageId: 7, stageAttempt: 0, taskId: 0, index: 0, attempt: 0, executorId: '0', status: 'SUCCESS', durationMs: 5, time: 1700 });
    p.draw(1800);
    expect(out[1]).toContain('(1 + 0) / 4]');
    bus.post({ kind: 'job-end', jobId: 0, succeeded: true, time: 1900 });
    expect(out[2]).toMatch(/^\r +\r$/);
    p.stop();
  });
});
