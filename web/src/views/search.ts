/**
 * Search: one box, results as you type (debounced) or on Enter, filters from
 * facets, paging. All state is in the URL; this view only reads it. Hits can
 * be ticked for one export; the selection (selection.ts) outlives paging and
 * new searches.
 */

import { type DocumentSummary, listDocuments } from "../api/documents.ts";
import { isAbort } from "../api/http.ts";
import { type SearchHit, search } from "../api/search.ts";
import { type Child, h, replace } from "../dom.ts";
import {
  documentCountText,
  documentHref,
  hitCountText,
  SENSITIVE_NOTICE,
  sensitiveLabel,
  typeLabel,
} from "../labels.ts";
import { meetingOf } from "../meeting-state.ts";
import {
  EMPTY_SEARCH,
  hasFilters,
  PAGE_SIZE,
  pageInfo,
  parseSearchState,
  type SearchState,
  searchUrl,
} from "../search-state.ts";
import {
  MAX_SELECTION,
  type Picked,
  readSelection,
  selectedCountText,
  selectionExportHref,
  toggled,
  writeSelection,
} from "../selection.ts";
import { renderSnippet } from "../snippet.ts";
import { dateEl, dnrLinks, errorNotice, setTitle, type View, type ViewContext } from "./common.ts";
import { filterPanel, sortLinks } from "./search-filters.ts";

const DEBOUNCE_MS = 250;

export function searchView(ctx: ViewContext): View {
  let state = parseSearchState(ctx.url.searchParams);
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** True once typing has pushed a history entry; later keystrokes replace it. */
  let typingEntryPushed = false;
  let committing = false;

  const input = h("input", {
    id: "q",
    name: "q",
    type: "search",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "q-hint",
    class: "search-form__input",
  });
  const form = h(
    "form",
    { role: "search", class: "search-form", action: "/", method: "get" },
    h("label", { for: "q", class: "search-form__label" }, "Sök bland protokoll, tjänsteutlåtanden och bilagor"),
    h("div", { class: "search-form__row" }, input, h("button", { type: "submit", class: "button" }, "Sök")),
    h(
      "p",
      { id: "q-hint", class: "hint" },
      "Sök på ord, diarienummer (t.ex. KS-2020/42) eller namn. Resultaten visas medan du skriver.",
    ),
  );

  const resultsHeading = h("h2", { id: "results-heading", tabindex: "-1" }, "Sökresultat");
  const status = h("p", { class: "result-count", "aria-live": "polite", "aria-atomic": "true" });
  const results = h("div", { class: "results" });
  const filters = h("div", { class: "filters" });

  let picked: Picked[] = readSelection();
  const pickedCount = h("p", { class: "selection-bar__count" });
  const exportLink = h("a", { class: "button", download: true, href: "/api/export" }, "Exportera som ZIP");
  const clearButton = h("button", { type: "button", class: "button button--secondary" }, "Rensa urval");
  const selectionBar = h(
    "div",
    { class: "selection-bar", role: "group", "aria-label": "Urval för export", hidden: true },
    pickedCount,
    exportLink,
    clearButton,
    h("p", { class: "hint selection-bar__hint" }, "Originalen med förteckning (manifest.csv) och försättsblad."),
  );
  const selectionLive = h("p", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  const drawSelection = (): void => {
    selectionBar.hidden = picked.length === 0;
    pickedCount.textContent = selectedCountText(picked.length);
    exportLink.setAttribute("href", selectionExportHref(picked));
  };
  const pick = (item: Picked, box: HTMLInputElement): void => {
    const next = toggled(picked, item, box.checked);
    if (next === null) {
      box.checked = false;
      selectionLive.textContent = `Högst ${MAX_SELECTION} dokument kan exporteras på en gång.`;
      return;
    }
    picked = next;
    writeSelection(picked);
    drawSelection();
    selectionLive.textContent = selectedCountText(picked.length);
  };
  clearButton.addEventListener("click", () => {
    picked = [];
    writeSelection(picked);
    for (const box of results.querySelectorAll<HTMLInputElement>("input[data-pick]")) box.checked = false;
    drawSelection();
    selectionLive.textContent = "Urvalet är rensat.";
    // The bar and its button are gone: focus goes back to the results rather than to the page's top.
    resultsHeading.focus();
  });
  drawSelection();

  const layout = h(
    "div",
    { class: "search-layout" },
    filters,
    h(
      "section",
      { class: "search-results", "aria-labelledby": "results-heading" },
      resultsHeading,
      status,
      results,
      selectionBar,
      selectionLive,
    ),
  );

  replace(ctx.root, h("h1", { tabindex: "-1" }, "Sök i arkivet"), form, layout);

  const commit = (fromTyping: boolean): void => {
    clearTimeout(timer);
    const q = input.value.trim();
    const next: SearchState = { ...state, q, offset: 0 };
    const href = searchUrl(next);
    if (href === searchUrl(state)) {
      // Same search again (e.g. Enter after the debounce already ran): retry it.
      if (!fromTyping) void run();
      typingEntryPushed = false;
      return;
    }
    committing = true;
    try {
      ctx.navigate(href, { replace: typingEntryPushed });
    } finally {
      committing = false;
    }
    typingEntryPushed = fromTyping;
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit(true), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commit(false);
  });

  async function run(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    setTitle(state.q ? `”${state.q}”` : "Sök");
    results.setAttribute("aria-busy", "true");
    results.classList.add("is-loading");
    // Only announce loading when it is noticeable, so fast searches stay quiet.
    const slow = setTimeout(() => {
      status.textContent = state.q ? "Söker …" : "Hämtar …";
    }, 400);
    try {
      if (state.q || hasFilters(state)) await showHits(current.signal);
      else await showBrowse(current.signal);
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = "Sökningen misslyckades.";
      replace(results, errorNotice(error, "sökresultaten"));
    } finally {
      clearTimeout(slow);
      if (controller === current) {
        results.removeAttribute("aria-busy");
        results.classList.remove("is-loading");
      }
    }
  }

  async function showHits(signal: AbortSignal): Promise<void> {
    const result = await search(
      {
        q: state.q,
        type: state.type,
        body: state.body,
        party: state.party,
        speaker: state.speaker,
        from: state.from,
        to: state.to,
        sort: state.sort === "relevance" ? undefined : state.sort,
        limit: PAGE_SIZE,
        offset: state.offset,
      },
      signal,
    );
    resultsHeading.textContent = "Sökresultat";
    replace(filters, filterPanel(state, result.facets));
    const info = pageInfo(result.total, state.offset);
    status.textContent =
      result.total === 0
        ? state.q
          ? `Inga träffar för ”${state.q}”${hasFilters(state) ? " med valda filter" : ""}.`
          : "Inga träffar med valda filter."
        : `${hitCountText(result.total)}${info.count > 1 ? `, sida ${info.current} av ${info.count}` : ""}`;
    if (result.hits.length === 0) {
      replace(results, emptyAdvice());
      return;
    }
    replace(
      results,
      sortLinks(state),
      h(
        "ol",
        { class: "hits", start: state.offset + 1 },
        result.hits.map((hit, i) => renderHit(hit, state.offset + i)),
      ),
      pager(result.total),
    );
  }

  async function showBrowse(signal: AbortSignal): Promise<void> {
    replace(filters);
    const list = await listDocuments({ limit: PAGE_SIZE, offset: state.offset }, signal);
    resultsHeading.textContent = "Handlingar i arkivet";
    status.textContent = list.total === 0 ? "Arkivet är tomt." : `${documentCountText(list.total)} i arkivet`;
    if (list.documents.length === 0) {
      replace(results, h("p", { class: "notice" }, "Inga handlingar har lagts in i arkivet ännu."));
      return;
    }
    replace(
      results,
      h(
        "ol",
        { class: "hits", start: state.offset + 1 },
        list.documents.map((doc, i) => renderSummary(doc, state.offset + i)),
      ),
      pager(list.total),
    );
  }

  function emptyAdvice(): HTMLElement {
    const withoutFilters = hasFilters(state) ? searchUrl({ ...EMPTY_SEARCH, q: state.q, sort: state.sort }) : null;
    return h(
      "div",
      { class: "notice" },
      h("p", { class: "notice__title" }, "Inga träffar"),
      h(
        "ul",
        null,
        h("li", null, "Kontrollera stavningen eller pröva ett kortare eller annat ord."),
        h("li", null, "Diarienummer kan skrivas på olika sätt, t.ex. KS 2020/42 eller KS-2020/42."),
        withoutFilters ? h("li", null, h("a", { href: withoutFilters }, "Sök utan filter")) : null,
      ),
    );
  }

  /** "Välj" with the hit's title in its name, so a screen reader says which document it picks. */
  function pickBox(id: string, title: string, heading: string, index: number): Child {
    if (!id) return null;
    const boxId = `valj-${index}`;
    const box = h("input", {
      type: "checkbox",
      id: boxId,
      class: "hit__checkbox",
      "data-pick": "",
      checked: picked.some((p) => p.id === id),
    });
    box.addEventListener("change", () => pick({ id, title, q: state.q }, box));
    return h(
      "div",
      { class: "hit__select" },
      box,
      h("label", { for: boxId }, "Välj", h("span", { class: "visually-hidden" }, ` ${heading}`)),
    );
  }

  function renderHit(hit: SearchHit, index: number): HTMLElement {
    const title = hit.title ?? "Namnlös handling";
    const heading = hit.paragraph !== null ? `§ ${hit.paragraph} ${title}` : title;
    return h(
      "li",
      { class: "hit" },
      pickBox(hit.documentId, title, heading, index),
      h("h3", { class: "hit__title" }, h("a", { href: documentHref(hit.documentId, hit.paragraph, state.q) }, heading)),
      meta(hit.type, hit.body, hit.date, hit.diarienummer),
      hit.flags.length > 0
        ? h(
            "p",
            { class: "hit__flags" },
            h(
              "span",
              { class: "tag tag--sensitive", title: hit.flags.map(sensitiveLabel).join(", ") },
              SENSITIVE_NOTICE,
            ),
          )
        : null,
      hit.snippet ? h("p", { class: "hit__snippet" }, renderSnippet(hit.snippet)) : null,
      hit.more.length > 0
        ? h(
            "div",
            { class: "hit__more" },
            h("p", { class: "hit__more-label" }, `Fler träffar i samma handling (${hit.matches - 1}):`),
            h(
              "ul",
              null,
              hit.more.map((m) =>
                h(
                  "li",
                  null,
                  h(
                    "a",
                    { href: documentHref(hit.documentId, m.paragraph, state.q) },
                    m.paragraph !== null ? `§ ${m.paragraph} ${m.title ?? ""}` : (m.title ?? `Sida ${m.page ?? ""}`),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  }

  function renderSummary(doc: DocumentSummary, index: number): HTMLElement {
    const title = doc.title ?? doc.filename ?? "Namnlös handling";
    return h(
      "li",
      { class: "hit" },
      pickBox(doc.id, title, title, index),
      h("h3", { class: "hit__title" }, h("a", { href: documentHref(doc.id) }, title)),
      meta(doc.type, doc.body, doc.date, doc.diarienummer),
    );
  }

  function pager(total: number): Child {
    const info = pageInfo(total, state.offset);
    if (info.count <= 1) return null;
    const link = (offset: number | null, text: string, rel: string): Child =>
      offset === null
        ? h("span", { class: "pager__disabled", "aria-disabled": "true" }, text)
        : h("a", { href: searchUrl({ ...state, offset }), rel, class: "pager__link" }, text);
    return h(
      "nav",
      { class: "pager", "aria-label": "Sidor i sökresultatet" },
      link(info.prevOffset, "‹ Föregående", "prev"),
      h("span", { class: "pager__position" }, `Sida ${info.current} av ${info.count}`),
      link(info.nextOffset, "Nästa ›", "next"),
    );
  }

  function load(url: URL, initial: boolean): void {
    const previous = state;
    if (!committing) typingEntryPushed = false;
    state = parseSearchState(url.searchParams);
    if (input.value.trim() !== state.q) input.value = state.q;
    void run();
    const pagedOrFiltered =
      !initial &&
      previous.q === state.q &&
      (searchUrl({ ...previous, offset: 0 }) !== searchUrl({ ...state, offset: 0 }) ||
        previous.offset !== state.offset);
    if (pagedOrFiltered) {
      resultsHeading.focus();
      resultsHeading.scrollIntoView({ block: "start" });
    }
  }

  load(ctx.url, true);
  if (!state.q) input.focus();

  return {
    update(url) {
      load(url, false);
      return true;
    },
    destroy() {
      clearTimeout(timer);
      controller?.abort();
    },
  };
}

function meta(type: string, body: string | null, date: string | null, dnr: string[]): HTMLElement {
  const parts: Child[] = [h("span", { class: "badge" }, typeLabel(type))];
  if (body) parts.push(h("span", null, body));
  if (date) parts.push(h("span", null, dateEl(date)));
  // A bilaga's date may be its tjänsteutlåtande's, not a meeting's: only records of a meeting itself link to it.
  const meeting = type === "bilaga" ? null : meetingOf({ type, body, meetingDate: date });
  if (meeting && body && date) {
    parts.push(h("a", { href: meeting }, "Sammanträdet", h("span", { class: "visually-hidden" }, ` ${body} ${date}`)));
  }
  if (dnr.length > 0)
    parts.push(h("span", null, h("span", { class: "visually-hidden" }, "Diarienummer: "), dnrLinks(dnr)));
  return h("p", { class: "hit__meta" }, parts);
}
