// Public surface of executor-side expression evaluation (S2): compiled projections and filters over ColumnBatches,
// batch row selection/concatenation, constant evaluation, and physical <-> user-facing value conversion.
export { compileProjection, compileFilter, evalConstant, type CompileOptions, type Compiled, type TaskState } from './compile.js';
export { takeRows, takeColumn, concatBatches } from './batch-ops.js';
export { valueToJs, jsToValue } from './values.js';
export { exprType } from './expr-type.js';
export { valueEquals } from './codegen.js';
export { compareValues, generateRows } from './kernels/collections.js';
export { castConverter, valueToString } from './kernels/cast.js';
export { hashValue } from './kernels/hash.js';
export { getZone, type Zone } from './kernels/time-zone.js';
