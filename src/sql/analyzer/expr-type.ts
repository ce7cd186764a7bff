// Expression types for the analyzer (the implementation lives with the logical plan utilities).
export { typeOf, nullableOf } from '../../planner/logical/expr-type.js';
