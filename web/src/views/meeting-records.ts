/**
 * One meeting's records, as the meeting view shows them: the kallelse, the
 * protokoll with a table of its § (diarienummer, bilagor), the utdrag with
 * their §, the bilagor with the § they belong to, and anything else of the day.
 */

import type { Meeting, MeetingDocument } from "../api/meetings.ts";
import { type Child, h } from "../dom.ts";
import { documentCountText, documentHref, typeLabel } from "../labels.ts";
import { bilagaLabel, groupMeeting, meetingsHref } from "../meeting-state.ts";
import { dateEl, dnrLinks } from "./common.ts";

function docTitle(doc: MeetingDocument): string {
  return doc.title ?? doc.filename ?? "Namnlös handling";
}

/** The record's link, with its file name beside it when the title does not already say it. */
function docLink(doc: MeetingDocument, text = docTitle(doc)): Child[] {
  return [
    h("a", { href: documentHref(doc.id) }, text),
    doc.filename && doc.filename !== text ? h("span", { class: "meeting__file" }, doc.filename) : null,
  ];
}

export function renderMeeting(meeting: Meeting): DocumentFragment {
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
function protocol(doc: MeetingDocument, bilagor: Map<number, MeetingDocument[]>, several: boolean): HTMLElement {
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
function paragraphList(doc: MeetingDocument): Child {
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
