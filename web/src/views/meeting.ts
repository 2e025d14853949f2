/**
 * Sammanträde: one body's meeting, its kallelse, protokoll (every § with its
 * diarienummer), utdrag and bilagor (/sammantrade?organ=&datum=); without a
 * date, the meetings of one body or of all, newest first.
 */

import * as api from "../api.ts";
import { type Child, h, replace } from "../dom.ts";
import { documentCountText, documentHref, typeLabel } from "../labels.ts";
import {
  bilagaLabel,
  groupMeeting,
  MEETINGS_PAGE_SIZE,
  meetingCountText,
  meetingHref,
  meetingsHref,
  parseMeetingParams,
} from "../meeting-state.ts";
import { EMPTY_SEARCH, pageInfo, searchUrl } from "../search-state.ts";
import {
  dateEl,
  dnrLinks,
  errorNotice,
  loadingNotice,
  setTitle,
  settleFocus,
  type View,
  type ViewContext,
} from "./common.ts";

export function meetingView(ctx: ViewContext): View {
  const controller = new AbortController();
  const params = parseMeetingParams(ctx.url.searchParams);
  if (params.body && params.date) showMeeting(ctx, params.body, params.date, controller.signal);
  else showList(ctx, params.body, params.offset, params.badDate, controller.signal);
  return {
    destroy() {
      controller.abort();
    },
  };
}

function showMeeting(ctx: ViewContext, body: string, date: string, signal: AbortSignal): void {
  setTitle(`${body} ${date}`);
  replace(ctx.root, h("h1", null, `Sammanträde ${body} ${date}`), loadingNotice("Hämtar sammanträdets handlingar …"));
  api
    .getMeeting(body, date, signal)
    .then((meeting) => {
      setTitle(`${meeting.body} ${meeting.date}`);
      replace(ctx.root, renderMeeting(meeting));
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (api.isAbort(error)) return;
      const notFound = error instanceof api.ApiError && error.status === 404;
      replace(
        ctx.root,
        h("h1", null, `Sammanträde ${body} ${date}`),
        notFound ? noMeetingNotice(body, date) : errorNotice(error, "sammanträdet"),
        lookupForm(ctx, body, date),
      );
      settleFocus(ctx.root);
    });
}

function noMeetingNotice(body: string, date: string): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    h("p", { class: "notice__title" }, `Arkivet har inga handlingar från ${body} den ${date}.`),
    h(
      "ul",
      null,
      h("li", null, "Kontrollera datumet och hur organet stavas."),
      h("li", null, h("a", { href: meetingsHref(body) }, `Visa alla sammanträden för ${body}`)),
      h("li", null, h("a", { href: searchUrl({ ...EMPTY_SEARCH, body }) }, `Sök bland handlingar från ${body}`)),
    ),
  );
}

function docTitle(doc: api.MeetingDocument): string {
  return doc.title ?? doc.filename ?? "Namnlös handling";
}

/** The record's link, with its file name beside it when the title does not already say it. */
function docLink(doc: api.MeetingDocument, text = docTitle(doc)): Child[] {
  return [
    h("a", { href: documentHref(doc.id) }, text),
    doc.filename && doc.filename !== text ? h("span", { class: "meeting__file" }, doc.filename) : null,
  ];
}

function renderMeeting(meeting: api.Meeting): DocumentFragment {
  const groups = groupMeeting(meeting.documents);
  const fragment = document.createDocumentFragment();
  fragment.append(
    h("p", { class: "eyebrow", "aria-hidden": "true" }, "Sammanträde"),
    h("h1", null, h("span", { class: "visually-hidden" }, "Sammanträde: "), meeting.body, " ", dateEl(meeting.date)),
    h(
      "p",
      { class: "case__summary" },
      `${documentCountText(meeting.documents.length)} från sammanträdet. `,
      h("a", { href: meetingsHref(meeting.body) }, `Alla sammanträden för ${meeting.body}`),
    ),
  );
  if (groups.protokoll.length === 0) {
    fragment.append(
      h(
        "p",
        { class: "notice" },
        "Protokollet från sammanträdet finns inte i arkivet ännu. Här visas de handlingar som finns.",
      ),
    );
  }
  if (groups.kallelser.length > 0) {
    fragment.append(
      section(
        "kallelse-h",
        groups.kallelser.length === 1 ? "Kallelse" : "Kallelser",
        h(
          "ul",
          { class: "meeting__list" },
          groups.kallelser.map((doc) => h("li", null, docLink(doc), paragraphList(doc))),
        ),
      ),
    );
  }
  if (groups.protokoll.length > 0) {
    fragment.append(
      section(
        "protokoll-h",
        "Protokoll",
        groups.protokoll.map((doc) => protocol(doc, groups.bilagorByParagraph, groups.protokoll.length > 1)),
      ),
    );
  }
  if (groups.utdrag.length > 0) {
    fragment.append(
      section(
        "utdrag-h",
        "Protokollsutdrag",
        h(
          "ul",
          { class: "meeting__list" },
          groups.utdrag.map((doc) => h("li", null, docLink(doc), paragraphList(doc))),
        ),
      ),
    );
  }
  if (groups.bilagor.length > 0) {
    const protocolId = groups.protokoll[0]?.id ?? null;
    fragment.append(
      section(
        "bilagor-h",
        "Bilagor",
        h(
          "ul",
          { class: "meeting__list" },
          groups.bilagor.map((doc) => {
            const label = bilagaLabel(doc);
            const title = doc.label && doc.title && !doc.title.startsWith(label) ? ` – ${doc.title}` : "";
            return h(
              "li",
              null,
              docLink(doc, `${label}${title}`),
              doc.paragraph !== null
                ? h(
                    "span",
                    { class: "meeting__belongs" },
                    "till ",
                    protocolId
                      ? h("a", { href: documentHref(protocolId, doc.paragraph) }, `§ ${doc.paragraph}`)
                      : `§ ${doc.paragraph}`,
                  )
                : null,
            );
          }),
        ),
      ),
    );
  }
  if (groups.other.length > 0) {
    fragment.append(
      section(
        "ovriga-h",
        "Övriga handlingar",
        h(
          "ul",
          { class: "meeting__list" },
          groups.other.map((doc) =>
            h("li", null, h("span", { class: "badge" }, typeLabel(doc.type)), " ", docLink(doc)),
          ),
        ),
      ),
    );
  }
  return fragment;
}

function section(id: string, heading: string, ...content: Child[]): HTMLElement {
  return h("section", { class: "meeting__section", "aria-labelledby": id }, h("h2", { id }, heading), content);
}

/** A protokoll: its link, then a table of its § with their diarienummer and bilagor. */
function protocol(
  doc: api.MeetingDocument,
  bilagor: Map<number, api.MeetingDocument[]>,
  several: boolean,
): HTMLElement {
  const numbered = doc.paragraphs.filter((p) => p.number !== null);
  const title = docTitle(doc);
  const withBilagor = bilagor.size > 0;
  return h(
    "div",
    { class: "meeting__protocol" },
    several ? h("h3", null, title) : null,
    h("p", null, docLink(doc, several ? "Öppna protokollet" : title)),
    numbered.length === 0
      ? h("p", { class: "hint" }, "Inga paragrafer kunde läsas ut ur protokollet.")
      : h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "case-table" },
            h("caption", { class: "visually-hidden" }, `Paragrafer i ${title}`),
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                ["§", "Ärende", "Diarienummer", withBilagor ? "Bilagor" : null].map((label) =>
                  label ? h("th", { scope: "col" }, label) : null,
                ),
              ),
            ),
            h(
              "tbody",
              null,
              numbered.map((p) => {
                const attached = p.number !== null ? (bilagor.get(p.number) ?? []) : [];
                return h(
                  "tr",
                  null,
                  h("td", { class: "nowrap" }, h("a", { href: documentHref(doc.id, p.number) }, `§ ${p.number}`)),
                  h("td", null, p.title ?? "–"),
                  h("td", null, p.diarienummer.length > 0 ? dnrLinks(p.diarienummer) : "–"),
                  withBilagor &&
                    h(
                      "td",
                      null,
                      attached.length > 0
                        ? attached.flatMap((b, i) => [
                            i > 0 ? ", " : null,
                            h("a", { href: documentHref(b.id), class: "nowrap" }, bilagaLabel(b)),
                          ])
                        : "–",
                    ),
                );
              }),
            ),
          ),
        ),
  );
}

/** An utdrag's or a kallelse's §, each linked into the record, with diarienummer. */
function paragraphList(doc: api.MeetingDocument): Child {
  const numbered = doc.paragraphs.filter((p) => p.number !== null);
  if (numbered.length === 0) return null;
  return h(
    "ul",
    { class: "meeting__paragraphs" },
    numbered.map((p) =>
      h(
        "li",
        null,
        h("a", { href: documentHref(doc.id, p.number) }, `§ ${p.number}`, p.title ? ` ${p.title}` : null),
        p.diarienummer.length > 0
          ? [" ", h("span", { class: "visually-hidden" }, "Diarienummer: "), dnrLinks(p.diarienummer)]
          : null,
      ),
    ),
  );
}

function showList(ctx: ViewContext, body: string, offset: number, badDate: boolean, signal: AbortSignal): void {
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
  api
    .listMeetings({ body: body || undefined, limit: MEETINGS_PAGE_SIZE, offset }, signal)
    .then((list) => {
      replace(results, renderList(list, body, offset));
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (api.isAbort(error)) return;
      replace(results, errorNotice(error, "sammanträdena"));
      settleFocus(ctx.root);
    });
}

function renderList(list: api.MeetingList, body: string, offset: number): Child {
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
function lookupForm(ctx: ViewContext, body: string, date: string): HTMLElement {
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
