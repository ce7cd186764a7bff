// Session time zones: UTC offsets of an instant in a zone (Intl.DateTimeFormat, cached per 15-minute bucket),
// and local wall-clock time back to an instant. Zone ids: region names, 'UTC', or fixed '+08:00' offsets.
import { TsSparkError } from '../../../common/errors.js';

export interface Zone {
  readonly id: string;
  /** Offset of local time from UTC in milliseconds at the instant `utcMillis`. */
  offsetAt(utcMillis: number): number;
  /** The instant (ms) of a local wall-clock time (ms since epoch as if UTC); gaps move forward, overlaps take the earlier. */
  toUtc(localMillis: number): number;
}

const BUCKET = 15 * 60 * 1000;

function fixedOffset(id: string): number | undefined {
  const s = id.trim().toUpperCase();
  if (s === 'UTC' || s === 'Z' || s === 'GMT' || s === 'UT' || s === 'ETC/UTC' || s === 'ETC/GMT') return 0;
  const m = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
}

class FixedZone implements Zone {
  constructor(readonly id: string, private readonly offset: number) {}
  offsetAt(): number { return this.offset; }
  toUtc(localMillis: number): number { return localMillis - this.offset; }
}

class RegionZone implements Zone {
  private readonly cache = new Map<number, number>();
  private readonly fmt: Intl.DateTimeFormat;
  constructor(readonly id: string) {
    try {
      this.fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: id, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch (e) {
      throw new TsSparkError('INVALID_CONFIG', `[INVALID_CONF_VALUE.TIME_ZONE] The value '${id}' in the config "spark.sql.session.timeZone" is invalid. Cannot resolve the given timezone.`, { cause: e });
    }
  }

  offsetAt(utcMillis: number): number {
    const bucket = Math.floor(utcMillis / BUCKET);
    let off = this.cache.get(bucket);
    if (off === undefined) {
      off = this.compute(bucket * BUCKET);
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(bucket, off);
    }
    return off;
  }

  private compute(ms: number): number {
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const d = new Date(0);
    d.setUTCFullYear(p.year!, p.month! - 1, p.day!);
    d.setUTCHours(p.hour!, p.minute!, p.second!, 0);
    return d.getTime() - ms;
  }

  toUtc(localMillis: number): number {
    const o1 = this.offsetAt(localMillis - this.offsetAt(localMillis));
    const guess = localMillis - o1;
    const o2 = this.offsetAt(guess);
    if (o2 === o1) {
      // overlap: prefer the earlier instant (the larger offset) as java.time does
      const earlier = localMillis - this.offsetAt(guess - 3600_000);
      if (earlier < guess && this.offsetAt(earlier) === localMillis - earlier) return earlier;
      return guess;
    }
    // gap: the local time does not exist; shift forward by the gap length
    return localMillis - Math.min(o1, o2);
  }
}

const zones = new Map<string, Zone>();

/** The zone for an id (undefined: the process's local zone, as Spark defaults to the JVM's). */
export function getZone(id?: string): Zone {
  const key = id ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let z = zones.get(key);
  if (!z) {
    const fixed = fixedOffset(key);
    z = fixed !== undefined ? new FixedZone(key, fixed) : new RegionZone(key);
    zones.set(key, z);
  }
  return z;
}
