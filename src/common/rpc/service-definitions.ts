// Definitions of the driver and executor gRPC services, shared by both sides (the executor never imports
// the driver, so the definitions live here).
import type * as grpc from '@grpc/grpc-js';
import { loadServiceDefinition } from './proto-loader.js';

export function driverServiceDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('driver/rpc/driver.proto', 'tsspark.driver.DriverService');
}

export function executorServiceDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('executor/rpc/executor.proto', 'tsspark.executor.ExecutorService');
}
