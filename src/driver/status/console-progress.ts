// Spark's console progress bar on stderr: `[Stage 3:=====>      (12 + 2) / 40]`, redrawn every 200 ms for stages
// running longer than 500 ms, up to three stages side by side, erased when the job ends. Only on a terminal.
import type { StatusBus, StatusEvent } from './status-events.js';

interface StageProgress {
  readonly id: number;
  readonly total: number;
  readonly started: number;
  done: number;
  active: number;
}

/** One line for the given stages, `width` columns wide in total (Spark's ConsoleProgressBar layout). */
export function renderProgressLine(stages: ReadonlyArray<{ id: number; total: number; done: number; active: number }>, width: number): string {
  if (stages.length === 0) return '';
  const each = Math.floor(width / stages.length);
  return stages.map((s) => {
    const header = `[Stage ${s.id}:`;
    const tailer = `(${s.done} + ${s.active}) / ${s.total}]`;
    const w = each - header.length - tailer.length;
    let bar = '';
    if (w > 0) {
      const percent = s.total > 0 ? Math.floor((w * s.done) / s.total) : 0;
      for (let i = 0; i < w; i++) bar += i < percent ? '=' : i === percent ? '>' : ' ';
    }
    return header + bar + tailer;
  }).join('');
}

export interface ProgressOutput {
  write(s: string): unknown;
  readonly columns?: number;
}

export class ConsoleProgress {
  private readonly stages = new Map<string, StageProgress>();
  private readonly timer: NodeJS.Timeout;
  private lastLine = '';
  private readonly off: () => void;

  constructor(bus: StatusBus, private readonly out: ProgressOutput, private readonly firstDelayMs = 500, updateMs = 200) {
    this.off = bus.subscribe((e) => this.on(e));
    this.timer = setInterval(() => this.draw(Date.now()), updateMs);
    this.timer.unref();
  }

  private on(e: StatusEvent): void {
    switch (e.kind) {
      case 'stage-submitted':
        this.stages.set(`${e.stageId}:${e.attempt}`, { id: e.stageId, total: e.numTasks, started: e.time, done: 0, active: 0 });
        break;
      case 'stage-completed':
        this.stages.delete(`${e.stageId}:${e.attempt}`);
        if (this.stages.size === 0) this.clear();
        break;
      case 'task-start': {
        const s = this.stages.get(`${e.stageId}:${e.stageAttempt}`);
        if (s) s.active++;
        break;
      }
      case 'task-end': {
        const s = this.stages.get(`${e.stageId}:${e.stageAttempt}`);
        if (!s) break;
        s.active = Math.max(0, s.active - 1);
        if (e.status === 'SUCCESS') s.done++;
        break;
      }
      case 'job-end':
      case 'application-end':
        this.clear();
        break;
      default:
        break;
    }
  }

  /** Draws the current line (exposed for tests). */
  draw(now: number): void {
    const shown = [...this.stages.values()].filter((s) => now - s.started >= this.firstDelayMs).sort((a, b) => a.id - b.id).slice(0, 3);
    if (shown.length === 0) return;
    const line = renderProgressLine(shown, this.out.columns ?? (Number(process.env['COLUMNS']) || 80));
    if (line === this.lastLine) return;
    this.out.write(`\r${line}`);
    this.lastLine = line;
  }

  private clear(): void {
    if (this.lastLine === '') return;
    this.out.write(`\r${' '.repeat(this.lastLine.length)}\r`);
    this.lastLine = '';
  }

  stop(): void {
    clearInterval(this.timer);
    this.off();
    this.clear();
  }
}
