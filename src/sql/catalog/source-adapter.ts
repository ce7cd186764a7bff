// The one place the catalog reaches the sources layer (S4's inferSchema); swap the body when it lands.
import { TsSparkError } from '../../common/errors.js';
import type { StructType } from '../types/data-type.js';
import type { FileSource } from '../../planner/logical/logical-plan.js';

export function inferFileSchema(format: FileSource['format'], _paths: readonly string[], _options: Readonly<Record<string, string>>): StructType {
  throw new TsSparkError('UNSUPPORTED', `schema inference for ${format} files is not available yet`);
}
