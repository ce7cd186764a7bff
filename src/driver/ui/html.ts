// Escaping HTML templates for the server-rendered pages: `html\`<td>${value}</td>\`` escapes every interpolated
// value unless it is already Html (nested templates, `raw`). Arrays of Html are concatenated.
export class Html {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.text;
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup (generated SVG, fixed snippets). Never pass user data. */
export function raw(s: string): Html {
  return new Html(s);
}
