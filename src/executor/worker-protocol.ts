// Messages between an executor's main thread and its task worker threads.
import type { TaskResult } from './task-result.js';

export interface WorkerContext {
  readonly executorId: string;
  readonly appId: string;
  readonly localDir: string;
  readonly memoryLimitBytes: number;
  readonly compressShuffle: boolean;
  readonly authSecret?: string;
  /** Files added with --files / sc.addFile, for SparkFiles.get in tasks. */
  readonly files?: readonly string[];
}

export type ToWorker =
  | { readonly type: 'run'; readonly task: Uint8Array; readonly payloadId: string; readonly payload?: Uint8Array }
  | { readonly type: 'reply'; readonly reqId: number; readonly ok: boolean; readonly value?: unknown; readonly error?: string }
  /** The broadcast was destroyed: the thread drops its decoded copy (and what was built from it). */
  | { readonly type: 'drop-broadcast'; readonly id: number };

export type WorkerRequest =
  | { readonly what: 'get-block'; readonly rddId: number; readonly partition: number }
  | { readonly what: 'put-block'; readonly rddId: number; readonly partition: number; readonly bytes: Uint8Array; readonly useMemory: boolean; readonly useDisk: boolean }
  | { readonly what: 'get-broadcast'; readonly id: number };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: TaskResult }
  | ({ readonly type: 'request'; readonly reqId: number } & WorkerRequest);
