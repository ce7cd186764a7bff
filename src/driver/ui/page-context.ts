// What every page renderer gets: the application's source, the URL prefix of its pages (so the same pages serve
// the driver at "/" and the history server at "/history/<appId>/"), and the request's query string.
import type { UiSource } from './ui-source.js';

export interface PageContext {
  readonly src: UiSource;
  /** Prefix of the application's page URLs, without a trailing slash ('' on the driver). */
  readonly base: string;
  /** Prefix of the shared static assets and the history listing ('' on the driver). */
  readonly root: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly now: number;
}

export function queryInt(ctx: PageContext, name: string, fallback: number): number {
  const v = ctx.query[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
}

/** A link to `path` under the app, with query parameters (undefined ones dropped). */
export function href(ctx: PageContext, path: string, params: Readonly<Record<string, string | number | boolean | undefined>> = {}): string {
  const qs = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${ctx.base}${path}${qs ? `?${qs}` : ''}`;
}
