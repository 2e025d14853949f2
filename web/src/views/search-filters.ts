/** The search view's filter panel and sort choice, drawn from the URL state and the facets. */

import type { FacetValue } from "../api/search.ts";
import { h } from "../dom.ts";
import { DOC_TYPES, typeLabel } from "../labels.ts";
import { type SearchState, type Sort, searchUrl, selectedYear, withYear } from "../search-state.ts";

/** Values shown before "Visa N till". */
const FACET_PREVIEW = 8;

/** Relevance, newest or oldest first, as links so each order has its own URL. */
export function sortLinks(state: SearchState): HTMLElement {
  const options: [Sort, string][] = [
    ["relevance", "Relevans"],
    ["newest", "Nyast först"],
    ["oldest", "Äldst först"],
  ];
  return h(
    "nav",
    { class: "sort", "aria-label": "Sortering" },
    h("span", { class: "sort__label" }, "Sortera:"),
    h(
      "ul",
      null,
      options.map(([sort, text]) =>
        h(
          "li",
          null,
          sort === state.sort
            ? h("span", { class: "sort__current", "aria-current": "true" }, text)
            : h("a", { href: searchUrl({ ...state, sort, offset: 0 }) }, text),
        ),
      ),
    ),
  );
}

/**
 * Filters as links built from the facets: each choice is a URL, so it works
 * with the keyboard, opens in a new tab and never changes the page on mere focus.
 */
export function filterPanel(state: SearchState, facets: Record<string, FacetValue[]>): HTMLElement {
  const typeValues = facets.type ?? DOC_TYPES.map((value) => ({ value, count: Number.NaN }));
  const years = [...(facets.year ?? [])].sort((a, b) => b.value.localeCompare(a.value));
  const year = selectedYear(state);
  const customRange = (state.from || state.to) && !year;
  return h(
    "nav",
    { "aria-label": "Avgränsa sökningen" },
    h("h2", { class: "filters__heading" }, "Avgränsa"),
    facetGroup("Typ", typeValues, state.type, typeLabel, "Alla typer", (type) =>
      searchUrl({ ...state, type, offset: 0 }),
    ),
    textFacet(state, facets, "body", "Organ", "Alla organ"),
    years.length > 0 || year
      ? facetGroup(
          "År",
          years,
          year,
          (v) => v,
          "Alla år",
          (y) => searchUrl(withYear(state, y)),
        )
      : null,
    textFacet(state, facets, "party", "Parti", "Alla partier"),
    textFacet(state, facets, "speaker", "Talare", "Alla talare"),
    customRange
      ? h(
          "p",
          { class: "facet-range" },
          `Datum ${state.from || "…"} – ${state.to || "…"} `,
          h("a", { href: searchUrl(withYear(state, "")) }, "Ta bort datumfilter"),
        )
      : null,
  );
}

/** A facet whose values are shown as written and filter by the same name in the URL. */
function textFacet(
  state: SearchState,
  facets: Record<string, FacetValue[]>,
  key: "body" | "party" | "speaker",
  heading: string,
  allText: string,
): HTMLElement | null {
  if (!facets[key] && !state[key]) return null;
  return facetGroup(
    heading,
    facets[key] ?? [],
    state[key],
    (v) => v,
    allText,
    (value) => searchUrl({ ...state, [key]: value, offset: 0 }),
  );
}

function facetGroup(
  heading: string,
  values: FacetValue[],
  selected: string,
  label: (value: string) => string,
  allText: string,
  hrefFor: (value: string) => string,
): HTMLElement {
  const all = [...values];
  if (selected && !all.some((v) => v.value === selected)) all.unshift({ value: selected, count: Number.NaN });
  const item = (value: string, text: string, count: number): HTMLElement => {
    const active = value === selected;
    return h(
      "li",
      null,
      h(
        "a",
        { href: hrefFor(value), class: active ? "facet is-active" : "facet", "aria-current": active ? "true" : null },
        h("span", { class: "facet__label" }, text),
        // Read aloud as "Protokoll 3 handlingar": a bare number says nothing.
        Number.isFinite(count)
          ? h(
              "span",
              { class: "facet__count" },
              count.toLocaleString("sv-SE"),
              h("span", { class: "visually-hidden" }, count === 1 ? " handling" : " handlingar"),
            )
          : null,
      ),
    );
  };
  const items = all.map((v) => item(v.value, label(v.value), v.count));
  // Keep the selected value visible even when it falls outside the preview.
  const selectedIndex = all.findIndex((v) => v.value === selected);
  const previewCount = selectedIndex >= FACET_PREVIEW ? selectedIndex + 1 : FACET_PREVIEW;
  const head = items.slice(0, previewCount);
  const rest = items.slice(previewCount);
  return h(
    "div",
    { class: "facet-group" },
    h("h3", null, heading),
    h("ul", { class: "facet-list" }, item("", allText, Number.NaN), head),
    rest.length > 0
      ? h("details", null, h("summary", null, `Visa ${rest.length} till`), h("ul", { class: "facet-list" }, rest))
      : null,
  );
}
