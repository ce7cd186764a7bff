// Driver side, one per SQL execution: creates the execution's SqlMetrics when the action is about to turn its plan
// into RDDs, feeds it the stage and task events of the status bus, and posts sql-metric-update snapshots (at most
// every METRIC_UPDATE_MS while tasks finish, and a final one on close).
import type { StatusBus } from '../../common/status-bus-port.js';
import type { Accumulator } from '../../rdd/accumulator.js';
import { displayPhysical } from '../../planner/physical/display.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { attachMetrics, SqlMetrics } from './sql-metrics.js';

/** How often, at most, a running execution posts its operator metrics. */
export const METRIC_UPDATE_MS = 250;

/** Called by the action with the plan it is about to run and the runtime that will turn it into RDDs. */
export type MetricsHook = (runtime: object, physical: PhysicalPlan) => void;

interface AccumulatorFactory { collectionAccumulator<T>(name?: string): Accumulator<T[]> }

export class ExecutionMetrics {
  private metrics: SqlMetrics | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  /** `announcedPlan`: the plan text of sql-execution-start; a different executed plan is announced again. */
  constructor(private readonly bus: StatusBus, private readonly sc: AccumulatorFactory, private readonly executionId: number, private readonly announcedPlan: string) {
    this.unsubscribe = bus.subscribe((e) => this.onEvent(e));
  }

  /** The first plan metered is the execution's (scalar subqueries run as executions of their own). */
  readonly hook: MetricsHook = (runtime, executed) => {
    if (this.metrics) return;
    const m = new SqlMetrics(executed, this.sc.collectionAccumulator<unknown>(`SQL metrics of execution ${this.executionId}`));
    this.metrics = m;
    attachMetrics(runtime, m);
    const text = displayPhysical(executed);
    // planning twice numbers synthesized columns anew: only a different shape is a new plan
    const shape = (t: string): string => t.replace(/#\d+/g, '#');
    if (shape(text) !== shape(this.announcedPlan)) this.bus.post({ kind: 'sql-adaptive-execution-update', executionId: this.executionId, physicalPlan: text, graph: m.graph, time: Date.now() });
  };

  /** Posts the final values (before the caller's sql-execution-end) and stops listening. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    this.unsubscribe();
  }

  private onEvent(e: { readonly kind: string } & Record<string, unknown>): void {
    const m = this.metrics;
    if (!m) return;
    if (e.kind === 'stage-submitted') m.stageSubmitted(e['stageId'] as number, e['rddIds'] as readonly number[]);
    else if (e.kind === 'task-end') {
      const tm = e['metrics'] as { shuffleBytesWritten?: number; shuffleWriteTimeMs?: number } | undefined;
      if (e['status'] === 'SUCCESS' && tm) m.taskEnded(e['stageId'] as number, tm.shuffleBytesWritten ?? 0, tm.shuffleWriteTimeMs ?? 0);
      this.timer ??= setTimeout(() => this.flush(), METRIC_UPDATE_MS);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const m = this.metrics;
    if (m?.drain()) this.bus.post({ kind: 'sql-metric-update', executionId: this.executionId, updates: m.snapshot(), time: Date.now() });
  }
}
