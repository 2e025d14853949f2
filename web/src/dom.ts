/**
 * Minimal element builder. Text only ever enters the DOM as text nodes, so
 * nothing from the API can become markup; there is deliberately no way to set
 * innerHTML or inline styles (the Content-Security-Policy forbids the latter).
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | Listener>;

const URL_ATTRS = new Set(["href", "src", "action", "formaction"]);

/** Only relative URLs and http(s)/mailto may become link targets. */
export function isSafeUrl(value: string): boolean {
  const trimmed = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  return scheme === null || ["http", "https", "mailto"].includes((scheme[1] ?? "").toLowerCase());
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (typeof value === "function") {
      el.addEventListener(key.replace(/^on/, "").toLowerCase(), value);
      continue;
    }
    if (value === null || value === undefined || value === false) continue;
    if (key === "style" || key === "innerHTML" || key.toLowerCase().startsWith("on")) {
      throw new Error(`h(): attribute "${key}" is not allowed`);
    }
    const text = value === true ? "" : String(value);
    if (URL_ATTRS.has(key) && !isSafeUrl(text)) continue;
    el.setAttribute(key === "className" ? "class" : key, text);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...(child as readonly Child[]));
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}
