/**
 * The documents an official has ticked among search hits, for one export.
 * Kept in sessionStorage, so the selection survives paging, refining the
 * search and a look at a document, and leaves with the tab. The list logic is
 * pure; only readSelection/writeSelection touch storage.
 */

/** The server's cap on one export (server/routes/export.routes.ts). */
export const MAX_SELECTION = 500;

export interface Picked {
  id: string;
  title: string;
  /** The search the document was ticked in; "" when browsing. */
  q: string;
}

const KEY = "namndarkivet.selection";
let memory: Picked[] = [];

export function readSelection(): Picked[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw === null ? memory : parseSelection(raw);
  } catch {
    return memory;
  }
}

export function writeSelection(items: Picked[]): void {
  memory = items;
  try {
    if (items.length === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Storage refused (private mode, full): the selection lasts until the page is reloaded.
  }
}

/** Whatever the storage holds, as a list of picks; anything odd in it is dropped. */
export function parseSelection(raw: string): Picked[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: Picked[] = [];
  for (const item of value) {
    const o = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof o.id !== "string" || o.id === "" || seen.has(o.id)) continue;
    seen.add(o.id);
    out.push({ id: o.id, title: typeof o.title === "string" ? o.title : "", q: typeof o.q === "string" ? o.q : "" });
    if (out.length === MAX_SELECTION) break;
  }
  return out;
}

/** The selection with `item` added (at the end) or removed; null when adding would pass the cap. */
export function toggled(items: Picked[], item: Picked, on: boolean): Picked[] | null {
  const without = items.filter((p) => p.id !== item.id);
  if (!on) return without;
  if (without.length !== items.length) return items;
  if (items.length >= MAX_SELECTION) return null;
  return [...items, item];
}

/** The export's address: ids in the order ticked, and each search they were ticked in once. */
export function selectionExportHref(items: Picked[]): string {
  const params = new URLSearchParams();
  params.set("ids", items.map((p) => p.id).join(","));
  for (const q of new Set(items.map((p) => p.q).filter((q) => q !== ""))) params.append("q", q);
  return `/api/export?${params.toString()}`;
}

export function selectedCountText(count: number): string {
  return `${count.toLocaleString("sv-SE")} dokument ${count === 1 ? "valt" : "valda"}`;
}
