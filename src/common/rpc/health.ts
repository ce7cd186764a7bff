// The Health service (health.proto): a liveness ping any server can add, also used to measure RPC round trips.
import type * as grpc from '@grpc/grpc-js';
import { defineService, type RpcServiceBinding, type ServiceHandlers } from './handlers.js';
import { loadServiceDefinition } from './proto-loader.js';

export interface PingRequest {
  readonly text: string;
  readonly payload: Buffer;
  readonly count: number;
}
export interface PingReply {
  readonly text: string;
  readonly payload: Buffer;
  readonly sent_at_ms: number;
}

export type HealthShape = {
  readonly Ping: { readonly request: PingRequest; readonly response: PingReply };
  readonly Watch: { readonly request: PingRequest; readonly response: PingReply; readonly stream: true };
};

const MAX_WATCH = 10_000;

export function healthDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('common/rpc/health.proto', 'tsspark.common.Health');
}

export const defaultHealthHandlers: ServiceHandlers<HealthShape> = {
  Ping: (req) => ({ text: req.text, payload: req.payload, sent_at_ms: Date.now() }),
  Watch: function* (req) {
    const n = Math.min(Math.max(0, Math.trunc(req.count)), MAX_WATCH);
    for (let i = 0; i < n; i++) yield { text: `${req.text}${i}`, payload: req.payload, sent_at_ms: Date.now() };
  },
};

export function healthService(handlers: ServiceHandlers<HealthShape> = defaultHealthHandlers): RpcServiceBinding {
  return defineService<HealthShape>(healthDefinition(), handlers);
}
