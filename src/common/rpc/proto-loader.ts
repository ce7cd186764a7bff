// Loads the .proto service definitions that live beside the code under src/**/rpc/*.proto.
// tsc does not copy .proto files into dist, so paths resolve against <package root>/src both from src (vitest) and dist.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { TsSparkError } from '../errors.js';
import { tssparkPackageRoot } from '../module-hooks/package-root.js';

const definitionCache = new Map<string, protoLoader.PackageDefinition>();

/** Absolute path of a .proto file given relative to src/, e.g. 'shuffle/rpc/shuffle.proto'. */
export function protoPath(relativeToSrc: string): string {
  const p = resolve(tssparkPackageRoot(), 'src', relativeToSrc);
  if (!existsSync(p)) throw new TsSparkError('INTERNAL', `proto file not found: ${p}`, { details: { path: p } });
  return p;
}

/** Parsed definitions of one .proto file (cached): keepCase, int64 as number, bytes as Buffer, defaults filled. */
export function loadProtoDefinition(relativeToSrc: string): protoLoader.PackageDefinition {
  let def = definitionCache.get(relativeToSrc);
  if (def === undefined) {
    def = protoLoader.loadSync(protoPath(relativeToSrc), {
      keepCase: true,
      longs: Number,
      enums: String,
      bytes: Buffer,
      defaults: true,
      arrays: true,
      oneofs: true,
    });
    definitionCache.set(relativeToSrc, def);
  }
  return def;
}

/** The service definition of `qualifiedName` (e.g. 'tsspark.shuffle.ShuffleService') from a .proto under src/. */
export function loadServiceDefinition(relativeToSrc: string, qualifiedName: string): grpc.ServiceDefinition {
  const entry = loadProtoDefinition(relativeToSrc)[qualifiedName];
  if (entry === undefined || !isServiceDefinition(entry)) {
    throw new TsSparkError('INTERNAL', `service ${qualifiedName} not defined in ${relativeToSrc}`);
  }
  return entry;
}

function isServiceDefinition(v: unknown): v is grpc.ServiceDefinition {
  if (typeof v !== 'object' || v === null || 'format' in v) return false;
  return Object.values(v).every((m) => typeof m === 'object' && m !== null && 'path' in m && 'requestSerialize' in m);
}
