// Serves the browser app's files (web-ui/) under /static/: a fixed list, read once, never a path from the request.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { tssparkPackageRoot } from '../../common/module-hooks/package-root.js';

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
export const STATIC_FILES = ['app.js', 'style.css', 'logo.svg'] as const;

let cache: Map<string, Buffer> | undefined;

function assets(): Map<string, Buffer> {
  if (cache) return cache;
  const dir = path.join(tssparkPackageRoot(), 'web-ui');
  cache = new Map(STATIC_FILES.map((f) => [f, fs.readFileSync(path.join(dir, f))]));
  return cache;
}

export function registerStaticAssets(app: FastifyInstance): void {
  app.get('/static/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const body = assets().get(file);
    if (!body) return reply.code(404).type('text/plain').send('not found');
    return reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream').header('cache-control', 'no-cache').send(body);
  });
}
