// Draws a small DAG as SVG (stage DAGs of a job, SQL plan trees): nodes placed in layers by their longest path
// from a source, edges as curves; a node's box grows with its extra lines. Layout is O(nodes + edges) per pass; graphs here have tens of nodes.
import { escapeHtml, raw, type Html } from './html.js';

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly sub?: string;
  readonly cls?: string;
  readonly href?: string;
  /** Extra lines drawn inside the box under the label (e.g. operator metrics). */
  readonly lines?: readonly string[];
}

export interface GraphLayout {
  readonly direction: 'LR' | 'TB';
  readonly nodeWidth?: number;
}

export function graphSvg(nodes: readonly GraphNode[], edges: ReadonlyArray<readonly [string, string]>, opts: GraphLayout): Html {
  if (nodes.length === 0) return raw('');
  const ids = new Set(nodes.map((n) => n.id));
  const es = edges.filter(([a, b]) => ids.has(a) && ids.has(b));
  const layer = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  // longest-path layering (Bellman-Ford style relaxation; bounded by node count, so cycles cannot loop forever)
  for (let pass = 0; pass < nodes.length; pass++) {
    let changed = false;
    for (const [a, b] of es) {
      const want = layer.get(a)! + 1;
      if (want > layer.get(b)!) {
        layer.set(b, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const layers: GraphNode[][] = [];
  for (const n of nodes) (layers[layer.get(n.id)!] ??= []).push(n);
  const W = opts.nodeWidth ?? 170;
  const H = 46;
  const LINE = 15;
  const hOf = (n: GraphNode): number => H + (n.lines?.length ? n.lines.length * LINE + 4 : 0);
  const lr = opts.direction === 'LR';
  const gapMain = lr ? 60 : 34;
  const gapCross = 18;
  // each layer is as deep as its largest node and as wide as its nodes side by side; layers are centred
  const mainOf = (n: GraphNode): number => (lr ? W : hOf(n));
  const crossOf = (n: GraphNode): number => (lr ? hOf(n) : W);
  const extent = (l: GraphNode[] | undefined): number => (l ?? []).reduce((s, n, j) => s + crossOf(n) + (j > 0 ? gapCross : 0), 0);
  const maxCross = Math.max(...layers.map(extent));
  const pos = new Map<string, { x: number; y: number }>();
  let main = 0;
  for (const l of layers) {
    if (!l) continue;
    let cross = (maxCross - extent(l)) / 2;
    for (const n of l) {
      pos.set(n.id, lr ? { x: main + 8, y: cross + 8 } : { x: cross + 8, y: main + 8 });
      cross += crossOf(n) + gapCross;
    }
    main += Math.max(...l.map(mainOf)) + gapMain;
  }
  const width = Math.max(...[...pos.values()].map((p) => p.x)) + W + 16;
  const height = Math.max(...nodes.map((n) => pos.get(n.id)!.y + hOf(n))) + 16;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parts: string[] = [`<svg class="dag" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="dag-arrow"/></marker></defs>'];
  for (const [a, b] of es) {
    const p = pos.get(a)!;
    const q = pos.get(b)!;
    const [x1, y1, x2, y2] = lr ? [p.x + W, p.y + H / 2, q.x, q.y + H / 2] : [p.x + W / 2, p.y + hOf(byId.get(a)!), q.x + W / 2, q.y];
    const c = opts.direction === 'LR' ? `C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2}` : `C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2}`;
    parts.push(`<path class="dag-edge" d="M${x1},${y1} ${c} ${x2},${y2}" marker-end="url(#arrow)"/>`);
  }
  const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const chars = Math.floor(W / 7);
    const box = `<g class="dag-node ${escapeHtml(n.cls ?? '')}"><title>${escapeHtml(n.label + (n.sub ? `\n${n.sub}` : ''))}</title><rect x="${p.x}" y="${p.y}" width="${W}" height="${hOf(n)}" rx="6"/>` +
      `<text x="${p.x + 10}" y="${p.y + 19}" class="dag-label">${escapeHtml(clip(n.label, chars))}</text>` +
      (n.sub ? `<text x="${p.x + 10}" y="${p.y + 36}" class="dag-sub">${escapeHtml(clip(n.sub, chars + 4))}</text>` : '') +
      (n.lines ?? []).map((t, i) => `<text x="${p.x + 10}" y="${p.y + H + 8 + i * LINE}" class="dag-metric">${escapeHtml(clip(t, chars + 4))}</text>`).join('') + '</g>';
    parts.push(n.href ? `<a href="${escapeHtml(n.href)}">${box}</a>` : box);
  }
  parts.push('</svg>');
  return raw(parts.join(''));
}
