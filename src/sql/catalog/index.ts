// Public surface of the session catalog.
export { Catalog, type TableInfo, type InferSchema } from './catalog.js';
