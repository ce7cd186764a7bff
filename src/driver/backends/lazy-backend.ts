// A backend whose implementation module is imported when it starts, so local masters never load gRPC.
import type { LaunchRequest } from '../../executor/executor.js';
import type { BackendEvents, SchedulerBackend } from './scheduler-backend.js';

export function lazyBackend(defaultParallelism: number, load: () => Promise<SchedulerBackend>): SchedulerBackend & { readonly implementation: SchedulerBackend | undefined } {
  let impl: SchedulerBackend | undefined;
  return {
    /** The loaded backend (diagnostics and tests). */
    get implementation(): SchedulerBackend | undefined {
      return impl;
    },
    get defaultParallelism(): number {
      return impl?.defaultParallelism ?? defaultParallelism;
    },
    async start(events: BackendEvents): Promise<void> {
      impl = await load();
      await impl.start(events);
    },
    launchTask: (executorId: string, req: LaunchRequest) => impl?.launchTask(executorId, req),
    killTask: (executorId: string, taskId: number) => impl?.killTask(executorId, taskId),
    removeBroadcast: (id: number) => impl?.removeBroadcast(id),
    removeRdd: (id: number) => impl?.removeRdd(id),
    removeShuffle: (id: number) => impl?.removeShuffle(id),
    stop: async () => { await impl?.stop(); },
  };
}
