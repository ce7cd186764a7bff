// Spark's analysis errors for function calls: DATATYPE_MISMATCH.*, WRONG_NUM_ARGS, UNRESOLVED_ROUTINE, all
// TsSparkError('ANALYSIS_ERROR') naming the expression as Spark does.
import { exprType } from '../../planner/expr/expr-type.js';
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { DataType } from '../types/data-type.js';
import { exprSql, typeSql } from './expr-sql.js';

export function mismatch(sub: string, exprText: string, detail: string): TsSparkError {
  return new TsSparkError('ANALYSIS_ERROR',
    `[DATATYPE_MISMATCH.${sub}] Cannot resolve "${exprText}" due to data type mismatch: ${detail}.`,
    { details: { errorClass: `DATATYPE_MISMATCH.${sub}`, expression: exprText } });
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];

export function unexpectedInput(exprText: string, index: number, required: string, arg: Expression): TsSparkError {
  return mismatch('UNEXPECTED_INPUT_TYPE', exprText,
    `Parameter ${index + 1} requires the ${required} type, however "${exprSql(arg)}" has the type "${typeSql(exprType(arg))}"`);
}

export function binaryOpDiffTypes(exprText: string, l: DataType, r: DataType): TsSparkError {
  return mismatch('BINARY_OP_DIFF_TYPES', exprText,
    `the left and right operands of the binary operator have incompatible types ("${typeSql(l)}" and "${typeSql(r)}")`);
}

export function binaryOpWrongType(exprText: string, required: string, t: DataType): TsSparkError {
  return mismatch('BINARY_OP_WRONG_TYPE', exprText,
    `the binary operator requires the input type ${required}, not "${typeSql(t)}"`);
}

export function dataDiffTypes(exprText: string, fn: string, types: readonly DataType[]): TsSparkError {
  return mismatch('DATA_DIFF_TYPES', exprText,
    `Input to \`${fn}\` should all be the same type, but it's [${types.map((t) => `"${typeSql(t)}"`).join(', ')}]`);
}

export function wrongNumArgs(fn: string, expected: string, actual: number): TsSparkError {
  return new TsSparkError('ANALYSIS_ERROR',
    `[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The \`${fn}\` requires ${expected} parameters but the actual number is ${actual}. ` +
    `Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.`,
    { details: { errorClass: 'WRONG_NUM_ARGS.WITHOUT_SUGGESTION', function: fn } });
}

export function unresolvedRoutine(fn: string): TsSparkError {
  return new TsSparkError('ANALYSIS_ERROR',
    `[UNRESOLVED_ROUTINE] Cannot resolve function \`${fn}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`,
    { details: { errorClass: 'UNRESOLVED_ROUTINE', function: fn } });
}

export function ordinal(i: number): string {
  return ordinals[i] ?? `${i + 1}th`;
}
