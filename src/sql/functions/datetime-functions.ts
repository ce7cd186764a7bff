// Typing of Spark's date/time functions: inputs cast to date or timestamp (strings parse, timestamps truncate to
// their local date in the session zone), extract/date_part fields, current_date/current_timestamp as literals.
import { exprType } from '../../planner/expr/expr-type.js';
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import { T } from '../types/data-type.js';
import { isNullable, ResolveCtx, type InputSpec, type Resolver } from './resolve-context.js';

const DT = T.date;
const TS = T.timestamp;
const S = T.string;
const I = T.int;

function simple(specs: readonly InputSpec[], result: typeof DT, min = specs.length, fn?: string, nullable?: boolean): Resolver {
  return (args, ctx) => {
    ctx.arity(min, specs.length);
    const out = ctx.expect(specs);
    return ctx.call(fn ?? ctx.name, out, result, nullable ?? out.some(isNullable));
  };
}

/** Current instant at analysis, as Spark's ComputeCurrentTime fixes it once per query. */
function nowMicros(): number {
  return Date.now() * 1000;
}

function localDays(ctx: ResolveCtx, micros: number): number {
  // the local date of `micros` in the session zone
  const zone = ctx.opts.timeZone;
  const d = new Date(micros / 1000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return Math.round(Date.parse(`${parts}T00:00:00Z`) / 86400000);
}

const extractFields: Readonly<Record<string, string>> = {
  year: 'year', y: 'year', years: 'year', yr: 'year', yrs: 'year',
  quarter: 'quarter', qtr: 'quarter',
  month: 'month', mon: 'month', mons: 'month', months: 'month',
  week: 'weekofyear', w: 'weekofyear', weeks: 'weekofyear',
  day: 'dayofmonth', d: 'dayofmonth', days: 'dayofmonth',
  dayofweek: 'dayofweek', dow: 'dayofweek', dayofweek_iso: 'dayofweek_iso', dow_iso: 'dayofweek_iso',
  doy: 'dayofyear',
  hour: 'hour', h: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  minute: 'minute', m: 'minute', min: 'minute', mins: 'minute', minutes: 'minute',
  second: 'extract_second', s: 'extract_second', sec: 'extract_second', seconds: 'extract_second', secs: 'extract_second',
};

/** extract(field FROM x) / date_part('field', x): args = [field as a string literal, source]. */
const extract: Resolver = (args, ctx) => {
  ctx.arity(2);
  const f = args[0]!;
  const field = f.kind === 'literal' && typeof f.value === 'string' ? f.value.toLowerCase() : undefined;
  const fn = field === undefined ? undefined : extractFields[field];
  if (!fn) {
    throw new TsSparkError('ANALYSIS_ERROR', `[INVALID_EXTRACT_FIELD] Cannot extract ${field ?? '?'} from ${args[1] ? ctx.text([args[1]]) : ''}.`,
      { details: { errorClass: 'INVALID_EXTRACT_FIELD' } });
  }
  const src = args[1]!;
  if (fn === 'extract_second') {
    const ts = ctx.expectOne(src, TS, 1);
    return ctx.call('extract_second', [ts], T.decimal(8, 6));
  }
  return datetimeResolvers[fn]!([src], new ResolveCtx(fn, [src], ctx.opts));
};

const dateField = (fn: string): Resolver => simple([DT], I, 1, fn);
const timeField = (fn: string): Resolver => simple([TS], I, 1, fn);

const unixTimestamp: Resolver = (args, ctx) => {
  ctx.arity(0, 2);
  if (args.length === 0) return { kind: 'literal', value: Math.floor(nowMicros() / 1e6), type: T.long };
  const a = args[0]!;
  const src = exprType(a).kind === 'date' || exprType(a).kind === 'timestamp' || exprType(a).kind === 'timestamp_ntz' ? ctx.cast(a, TS) : ctx.expectOne(a, S, 0);
  const fmt = args[1] ? ctx.expectOne(args[1], S, 1) : { kind: 'literal' as const, value: 'yyyy-MM-dd HH:mm:ss', type: S };
  return ctx.call('unix_timestamp', [src, fmt], T.long, true);
};

const toDateOrTs = (fn: 'to_date' | 'to_timestamp'): Resolver => (args, ctx) => {
  ctx.arity(1, 2);
  const result = fn === 'to_date' ? DT : TS;
  if (args.length === 1) return ctx.cast(args[0]!, result);
  const src = ctx.expectOne(args[0]!, S, 0);
  return ctx.call(fn, [src, ctx.expectOne(args[1]!, S, 1)], result, true);
};

export const datetimeResolvers: Readonly<Record<string, Resolver>> = {
  current_date: (_a, ctx) => { ctx.arity(0); return { kind: 'literal', value: localDays(ctx, nowMicros()), type: DT }; },
  curdate: (_a, ctx) => { ctx.arity(0); return { kind: 'literal', value: localDays(ctx, nowMicros()), type: DT }; },
  current_timestamp: (_a, ctx) => { ctx.arity(0); return { kind: 'literal', value: nowMicros(), type: TS }; },
  now: (_a, ctx) => { ctx.arity(0); return { kind: 'literal', value: nowMicros(), type: TS }; },
  date_add: simple([DT, I], DT), dateadd: simple([DT, I], DT, 2, 'date_add'),
  date_sub: simple([DT, I], DT),
  datediff: simple([DT, DT], I), date_diff: simple([DT, DT], I, 2, 'datediff'),
  year: dateField('year'), month: dateField('month'), dayofmonth: dateField('dayofmonth'), day: dateField('dayofmonth'),
  dayofweek: dateField('dayofweek'), weekday: dateField('weekday'), dayofyear: dateField('dayofyear'),
  weekofyear: dateField('weekofyear'), quarter: dateField('quarter'), dayofweek_iso: dateField('dayofweek_iso'),
  hour: timeField('hour'), minute: timeField('minute'), second: timeField('second'),
  to_date: toDateOrTs('to_date'), to_timestamp: toDateOrTs('to_timestamp'),
  date_format: simple([TS, S], S, 2, 'date_format', true),
  date_trunc: simple([S, TS], TS, 2, 'date_trunc', true),
  trunc: simple([DT, S], DT, 2, 'trunc', true),
  add_months: simple([DT, I], DT),
  months_between: simple([TS, TS, T.boolean], T.double, 2),
  last_day: simple([DT], DT),
  next_day: simple([DT, S], DT, 2, 'next_day', true),
  unix_timestamp: unixTimestamp, to_unix_timestamp: unixTimestamp,
  from_unixtime: (args, ctx) => {
    ctx.arity(1, 2);
    const out = ctx.expect([T.long, S]);
    if (out.length === 1) out.push({ kind: 'literal', value: 'yyyy-MM-dd HH:mm:ss', type: S });
    return ctx.call('from_unixtime', out, S);
  },
  make_date: simple([I, I, I], DT, 3, 'make_date', true),
  timestamp_seconds: simple(['numeric'], TS, 1, 'timestamp_seconds'),
  unix_date: simple([DT], I), date_from_unix_date: simple([I], DT),
  extract, date_part: extract, datepart: extract,
};
