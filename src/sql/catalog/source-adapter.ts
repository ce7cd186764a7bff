// The one place the catalog reaches the sources layer: schema inference for file tables (S4's inferSchema).
import type { FileSource } from '../../planner/logical/logical-plan.js';
import type { StructType } from '../types/data-type.js';
import { inferSchema } from '../sources/index.js';

export function inferFileSchema(format: FileSource['format'], paths: readonly string[], options: Readonly<Record<string, string>>): StructType {
  return inferSchema(format, paths, options);
}
