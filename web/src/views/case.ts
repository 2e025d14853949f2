/** A case (ärende): every record naming one diarienummer, oldest first. */

import { type CaseDocument, type CaseResult, caseExportUrl, getCase } from "../api/cases.ts";
import { ApiError, isAbort } from "../api/http.ts";
import { h, replace } from "../dom.ts";
import { caseHref, documentCountText, documentHref, typeLabel } from "../labels.ts";
import { EMPTY_SEARCH, searchUrl } from "../search-state.ts";
import { dateEl, errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";

export function caseView(ctx: ViewContext): View {
  const controller = new AbortController();
  const dnr = (ctx.url.searchParams.get("dnr") ?? "").trim();

  if (!dnr) {
    setTitle("Ärende");
    replace(ctx.root, h("h1", null, "Ärende"), lookupForm(ctx, ""));
    settleFocus(ctx.root);
    return { destroy() {} };
  }

  setTitle(`Ärende ${dnr}`);
  replace(ctx.root, h("h1", null, `Ärende ${dnr}`), loadingNotice("Hämtar ärendets handlingar …"));

  getCase(dnr, controller.signal)
    .then((result) => {
      setTitle(`Ärende ${result.diarienummer}`);
      replace(ctx.root, renderCase(result, dnr));
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      const notFound = error instanceof ApiError && error.status === 404;
      const notADnr = error instanceof ApiError && error.code === "not_a_diarienummer";
      replace(
        ctx.root,
        h("h1", null, `Ärende ${dnr}`),
        notADnr ? notADnrNotice(dnr) : notFound ? emptyNotice(dnr) : errorNotice(error, "ärendet"),
        lookupForm(ctx, dnr),
      );
      settleFocus(ctx.root);
    });

  return {
    destroy() {
      controller.abort();
    },
  };
}

function notADnrNotice(dnr: string): HTMLElement {
  return h(
    "div",
    { class: "notice", role: "alert" },
    h("p", { class: "notice__title" }, `”${dnr}” ser inte ut som ett diarienummer.`),
    h(
      "p",
      null,
      "Ett diarienummer har oftast förkortning, år och löpnummer, t.ex. KS-2020/42. Du kan också ",
      h("a", { href: searchUrl({ ...EMPTY_SEARCH, q: dnr }) }, "söka på texten i fritext"),
      ".",
    ),
  );
}

function emptyNotice(dnr: string): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    h("p", { class: "notice__title" }, `Inga handlingar i arkivet nämner ${dnr}.`),
    h(
      "p",
      null,
      "Kontrollera numret, eller ",
      h("a", { href: searchUrl({ ...EMPTY_SEARCH, q: dnr }) }, "sök på det i fritext"),
      ".",
    ),
  );
}

/** Chronological, stable: the API already sorts; undated records keep their place at the end. */
function chronological(docs: CaseDocument[]): CaseDocument[] {
  return docs
    .map((doc, index) => ({ doc, index }))
    .sort((a, b) => {
      if (a.doc.date && b.doc.date && a.doc.date !== b.doc.date) return a.doc.date < b.doc.date ? -1 : 1;
      if (!a.doc.date !== !b.doc.date) return a.doc.date ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ doc }) => doc);
}

function renderCase(result: CaseResult, asked: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const docs = chronological(result.documents);
  fragment.append(
    h("p", { class: "eyebrow", "aria-hidden": "true" }, "Ärende"),
    h("h1", null, h("span", { class: "visually-hidden" }, "Ärende "), result.diarienummer),
  );
  if (asked !== result.diarienummer) {
    fragment.append(
      h("p", { class: "hint" }, `Du sökte på ${asked}. Alla skrivsätt av numret visas som samma ärende.`),
    );
  }
  if (docs.length === 0) {
    fragment.append(emptyNotice(result.diarienummer));
    return fragment;
  }
  fragment.append(
    h(
      "p",
      { class: "case__summary" },
      `${documentCountText(docs.length)}, äldst först. `,
      h("a", { href: searchUrl({ ...EMPTY_SEARCH, q: result.diarienummer }) }, "Sök på numret i fritext"),
    ),
    h(
      "p",
      { class: "case__export" },
      h(
        "a",
        { href: caseExportUrl(result.diarienummer), class: "button button--secondary", download: true },
        "Ladda ner alla handlingar (ZIP)",
      ),
      " ",
      h("span", { class: "hint" }, "Originalen med en förteckning (manifest.csv) och ett försättsblad."),
    ),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "case-table" },
        h("caption", { class: "visually-hidden" }, `Handlingar i ärende ${result.diarienummer}`),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Datum", "Typ", "Organ", "Handling", "§"].map((label) => h("th", { scope: "col" }, label)),
          ),
        ),
        h(
          "tbody",
          null,
          docs.map((doc) =>
            h(
              "tr",
              null,
              h("td", { class: "nowrap" }, dateEl(doc.date) ?? "–"),
              h("td", null, typeLabel(doc.type)),
              h("td", null, doc.body ?? "–"),
              h("td", null, h("a", { href: documentHref(doc.id) }, doc.title ?? "Namnlös handling")),
              h(
                "td",
                { class: "nowrap" },
                doc.paragraph !== null
                  ? h(
                      "a",
                      {
                        href: documentHref(doc.id, doc.paragraph),
                        "aria-label": `Paragraf ${doc.paragraph} i ${doc.title ?? "handlingen"}`,
                      },
                      `§ ${doc.paragraph}`,
                    )
                  : "–",
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return fragment;
}

function lookupForm(ctx: ViewContext, value: string): HTMLElement {
  const input = h("input", {
    id: "dnr",
    name: "dnr",
    type: "text",
    value,
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "dnr-hint",
  });
  const form = h(
    "form",
    { class: "search-form", action: "/arende", method: "get" },
    h("label", { for: "dnr", class: "search-form__label" }, "Diarienummer"),
    h("div", { class: "search-form__row" }, input, h("button", { type: "submit", class: "button" }, "Visa ärende")),
    h(
      "p",
      { id: "dnr-hint", class: "hint" },
      "T.ex. KS-2020/42 eller BUN 2025/123. Alla skrivsätt av samma nummer hittar ärendet.",
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const dnr = input.value.trim();
    if (dnr) ctx.navigate(caseHref(dnr));
  });
  return form;
}
