// The physical planning API: plan union, planner, display.
export type { AggSpec, Partitioning, PhysicalPlan, WindowSpecBound } from './physical-plan.js';
export { physicalChildren } from './physical-plan.js';
export { planPhysical, confFrom, parseBytes, type PlannerConf } from './physical-planner.js';
export { displayPhysical } from './display.js';
export { estimateSize } from './estimate-size.js';
