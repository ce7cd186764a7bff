// Human-readable numbers for the UI pages, as Spark's UI prints them (durations "1.2 s", sizes "3.4 MiB").

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = s / 60;
  if (m < 60) return `${m.toFixed(1)} min`;
  return `${(m / 60).toFixed(1)} h`;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return n === 0 ? '0.0 B' : '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined || epochMs <= 0) return '';
  const d = new Date(epochMs);
  const p = (x: number): string => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Spark REST dates: "2024-01-31T12:34:56.789GMT". */
export function restDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', 'GMT');
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
