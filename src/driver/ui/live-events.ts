// Server-sent events for live pages: after status changes, at most every `intervalMs`, each open page gets one
// "update" message listing what changed; the browser app then re-renders the page it shows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StatusChange, StatusReader } from '../status/status-store.js';

export const LIVE_INTERVAL_MS = 500;

export function serveEvents(reader: StatusReader, req: FastifyRequest, reply: FastifyReply, intervalMs = LIVE_INTERVAL_MS): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ appId: reader.app.id })}\n\n`);
  let pending = new Set<StatusChange>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    if (pending.size === 0) return;
    const changes = [...pending];
    pending = new Set();
    res.write(`event: update\ndata: ${JSON.stringify({ changes, ended: reader.app.endTime !== undefined })}\n\n`);
  };
  const off = reader.onChange((c) => {
    pending.add(c);
    timer ??= setTimeout(flush, intervalMs);
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  ping.unref();
  req.raw.on('close', () => {
    off();
    clearInterval(ping);
    if (timer) clearTimeout(timer);
  });
}
