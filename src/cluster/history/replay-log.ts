// Loads an event log (event-log-codec.ts format) into a fresh status store. A truncated log (crashed driver) loads
// up to its last complete line; unknown events and malformed lines are skipped, never fatal.
import fs from 'node:fs';
import { decodeEvent } from '../../driver/status/event-log-codec.js';
import { StatusStore, type StatusStoreLimits } from '../../driver/status/status-store.js';

export interface ReplayResult {
  readonly store: StatusStore;
  readonly events: number;
  readonly skippedLines: number;
}

export function replayEventLog(text: string, limits: Partial<StatusStoreLimits> = {}): ReplayResult {
  const store = new StatusStore(limits);
  const end = text.lastIndexOf('\n');
  const complete = end < 0 ? '' : text.slice(0, end);
  let events = 0;
  let skipped = 0;
  for (const line of complete.split('\n')) {
    if (line.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const e = obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? decodeEvent(obj as Record<string, unknown>) : undefined;
    if (!e) continue;
    store.apply(e);
    events++;
  }
  return { store, events, skippedLines: skipped };
}

export function replayEventLogFile(file: string, limits: Partial<StatusStoreLimits> = {}): ReplayResult {
  return replayEventLog(fs.readFileSync(file, 'utf8'), limits);
}
