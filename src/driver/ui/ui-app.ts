// The driver UI's Fastify app factory over one application's read-only source: pages at /, Spark's REST API
// under /api/v1, live events at /events, the browser app at /static. Testable with inject() without listening.
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { registerAppPages } from './app-pages.js';
import { registerRestApi } from './rest-api.js';
import { registerStaticAssets } from './static-assets.js';
import type { UiSource } from './ui-source.js';

export interface UiAppOptions {
  readonly serverFactory?: FastifyServerFactory;
}

export function createUiApp(src: UiSource, opts: UiAppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true }, ...(opts.serverFactory ? { serverFactory: opts.serverFactory } : {}) });
  registerStaticAssets(app);
  registerRestApi(app, { get: (id) => (id === src.reader.app.id ? src : undefined), list: () => [src] });
  registerAppPages(app, '', () => ({ src, base: '', root: '' }));
  return app;
}
