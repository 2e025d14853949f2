/**
 * The meetings of one body or of every body, newest first, a page at a time,
 * and the form that finds a meeting by body and date.
 */

import { isAbort } from "../api/http.ts";
import { listMeetings, type MeetingList } from "../api/meetings.ts";
import { type Child, h, replace } from "../dom.ts";
import { documentCountText, typeLabel } from "../labels.ts";
import { MEETINGS_PAGE_SIZE, meetingCountText, meetingHref, meetingsHref } from "../meeting-state.ts";
import { pageInfo } from "../search-state.ts";
import { dateEl, errorNotice, loadingNotice, setTitle, settleFocus, type ViewContext } from "./common.ts";

export function showList(ctx: ViewContext, body: string, offset: number, badDate: boolean, signal: AbortSignal): void {
  const heading = body ? `Sammanträden – ${body}` : "Sammanträden";
  setTitle(heading);
  const results = h("div", { class: "meetings" }, loadingNotice("Hämtar sammanträden …"));
  replace(
    ctx.root,
    h("h1", null, heading),
    badDate
      ? h(
          "p",
          { class: "notice notice--error", role: "alert" },
          "Datumet i adressen kunde inte tolkas. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2020-02-20.",
        )
      : null,
    lookupForm(ctx, body, ""),
    results,
  );
  listMeetings({ body: body || undefined, limit: MEETINGS_PAGE_SIZE, offset }, signal)
    .then((list) => {
      replace(results, renderList(list, body, offset));
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      replace(results, errorNotice(error, "sammanträdena"));
      settleFocus(ctx.root);
    });
}

function renderList(list: MeetingList, body: string, offset: number): Child {
  if (list.total === 0 || list.meetings.length === 0) {
    return h(
      "div",
      { class: "notice" },
      h(
        "p",
        { class: "notice__title" },
        body ? `Arkivet har inga sammanträden för ${body}.` : "Arkivet har inga sammanträden ännu.",
      ),
      body
        ? h(
            "p",
            null,
            "Kontrollera hur organet stavas, eller ",
            h("a", { href: meetingsHref() }, "visa alla organs sammanträden"),
            ".",
          )
        : h("p", null, "Sammanträden visas här när protokoll, kallelser eller utdrag har lagts in."),
    );
  }
  const info = pageInfo(list.total, offset, MEETINGS_PAGE_SIZE);
  return [
    h(
      "p",
      { class: "case__summary" },
      `${meetingCountText(list.total)}, senaste först${info.count > 1 ? `. Sida ${info.current} av ${info.count}` : ""}.`,
    ),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "case-table" },
        h("caption", { class: "visually-hidden" }, body ? `Sammanträden för ${body}` : "Sammanträden"),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Datum", "Organ", "Handlingar"].map((label) => h("th", { scope: "col" }, label)),
          ),
        ),
        h(
          "tbody",
          null,
          list.meetings.map((m) =>
            h(
              "tr",
              null,
              h(
                "td",
                { class: "nowrap" },
                h("a", { href: meetingHref(m.body, m.date), "aria-label": `${m.body} ${m.date}` }, dateEl(m.date)),
              ),
              h("td", null, body ? m.body : h("a", { href: meetingsHref(m.body) }, m.body)),
              h(
                "td",
                null,
                `${m.types.map((t) => typeLabel(t).toLowerCase()).join(", ")} (${documentCountText(m.documentCount)})`.replace(
                  /^./,
                  (c) => c.toUpperCase(),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    pager(body, info),
  ];
}

function pager(body: string, info: ReturnType<typeof pageInfo>): Child {
  if (info.count <= 1) return null;
  const link = (offset: number | null, text: string, rel: string): Child =>
    offset === null
      ? h("span", { class: "pager__disabled", "aria-disabled": "true" }, text)
      : h("a", { href: meetingsHref(body, offset), rel, class: "pager__link" }, text);
  return h(
    "nav",
    { class: "pager", "aria-label": "Sidor med sammanträden" },
    link(info.prevOffset, "‹ Nyare", "prev"),
    h("span", { class: "pager__position" }, `Sida ${info.current} av ${info.count}`),
    link(info.nextOffset, "Äldre ›", "next"),
  );
}

/** Find a meeting: a body, and a date for one meeting or none for the body's list. */
export function lookupForm(ctx: ViewContext, body: string, date: string): HTMLElement {
  const bodyInput = h("input", {
    id: "organ",
    name: "organ",
    type: "text",
    value: body,
    autocomplete: "off",
    "aria-describedby": "organ-hint",
  });
  const dateInput = h("input", {
    id: "datum",
    name: "datum",
    type: "date",
    value: date,
    "aria-describedby": "organ-hint",
  });
  const form = h(
    "form",
    { class: "search-form meeting-form", action: "/sammantrade", method: "get" },
    h(
      "div",
      { class: "meeting-form__fields" },
      h(
        "div",
        { class: "meeting-form__field meeting-form__field--wide" },
        h("label", { for: "organ", class: "search-form__label" }, "Organ"),
        bodyInput,
      ),
      h(
        "div",
        { class: "meeting-form__field" },
        h("label", { for: "datum", class: "search-form__label" }, "Datum (valfritt)"),
        dateInput,
      ),
      h("button", { type: "submit", class: "button" }, "Visa sammanträden"),
    ),
    h(
      "p",
      { id: "organ-hint", class: "hint" },
      "T.ex. Kommunstyrelsen. Med datum visas det sammanträdet, utan datum organets alla sammanträden.",
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const organ = bodyInput.value.trim();
    const datum = dateInput.value.trim();
    if (organ && datum) ctx.navigate(meetingHref(organ, datum));
    else ctx.navigate(meetingsHref(organ));
  });
  return form;
}
