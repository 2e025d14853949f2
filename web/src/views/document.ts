/** One record: its facts, the original file, people, paragraphs, links and text. */

import {
  type ArchiveDocument,
  type DocumentLink,
  documentFileUrl,
  getDocument,
  getHighlights,
  type Paragraph,
  type Person,
  type SensitiveFlag,
} from "../api/documents.ts";
import { isAbort } from "../api/http.ts";
import { type Child, h, replace } from "../dom.ts";
import { markWords } from "../highlight.ts";
import { documentHref, personText, SENSITIVE_NOTICE, sensitiveLabel, typeLabel } from "../labels.ts";
import { meetingOf } from "../meeting-state.ts";
import { type OcrInfo, ocrPageLine, ocrStatusText } from "../ocr-texts.ts";
import {
  dateEl,
  dnrLinks,
  errorNotice,
  facts,
  loadingNotice,
  setTitle,
  settleFocus,
  type View,
  type ViewContext,
} from "./common.ts";

const LINK_GROUPS: { rel: string; heading: string }[] = [
  { rel: "attachment", heading: "Bilagor" },
  { rel: "attached-to", heading: "Hör till" },
  { rel: "references", heading: "Hänvisningar" },
];

export function documentView(ctx: ViewContext, id: string): View {
  const controller = new AbortController();
  setTitle("Handling");
  replace(ctx.root, loadingNotice("Hämtar handlingen …"));

  const markTarget = (): HTMLElement | null => {
    for (const el of ctx.root.querySelectorAll(".is-target")) el.classList.remove("is-target");
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = hash ? document.getElementById(hash) : null;
    if (target && ctx.root.contains(target)) {
      target.classList.add("is-target");
      return target;
    }
    return null;
  };
  const onHashChange = (): void => {
    const target = markTarget();
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  };
  window.addEventListener("hashchange", onHashChange);

  const q = ctx.url.searchParams.get("q")?.trim() ?? "";
  getDocument(id, controller.signal)
    .then((doc) => {
      setTitle(doc.title ?? doc.filename ?? "Handling");
      replace(ctx.root, renderDocument(doc));
      settleFocus(ctx.root, markTarget());
      if (q) void markHits(ctx.root, id, q, controller.signal);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      setTitle("Handlingen kunde inte visas");
      replace(
        ctx.root,
        h("h1", null, "Handlingen kunde inte visas"),
        errorNotice(error, "handlingen"),
        h("p", null, h("a", { href: "/" }, "Till sökningen")),
      );
      settleFocus(ctx.root);
    });

  return {
    destroy() {
      controller.abort();
      window.removeEventListener("hashchange", onHashChange);
    },
  };
}

function renderDocument(doc: ArchiveDocument): HTMLElement {
  const title = doc.title ?? doc.filename ?? "Namnlös handling";
  const numbered = doc.paragraphs.filter((p) => p.number !== null);
  return h(
    "article",
    { class: "document", "aria-labelledby": "doc-title" },
    h(
      "header",
      { class: "document__header" },
      h("p", { class: "eyebrow" }, typeLabel(doc.type), doc.body ? ` · ${doc.body}` : null),
      h("h1", { id: "doc-title" }, title),
      h(
        "p",
        { class: "document__download" },
        h(
          "a",
          { href: documentFileUrl(doc.id), class: "button button--primary", download: doc.filename ?? true },
          "Ladda ned original",
        ),
      ),
    ),
    facts([
      ["Typ", typeLabel(doc.type)],
      ["Organ", doc.body],
      ["Sammanträdesdatum", dateEl(doc.meetingDate)],
      ["Sammanträde", meetingLink(doc)],
      ["Handlingens datum", dateEl(doc.documentDate)],
      ["Diarienummer", dnrLinks(doc.diarienummer)],
      ["Filnamn", doc.filename],
      ["Sidor", doc.pageCount === null ? null : String(doc.pageCount)],
      ["SHA-256", doc.sha256 ? h("code", { class: "hash" }, doc.sha256) : null],
    ]),
    renderSensitive(doc.sensitive),
    renderOcr(doc.ocr, doc.pageTexts.length > 1),
    numbered.length > 1
      ? h(
          "nav",
          { class: "toc", "aria-label": "Paragrafer i handlingen" },
          h("h2", null, "Innehåll"),
          h(
            "ol",
            null,
            numbered.map((p) =>
              h("li", null, h("a", { href: `#p${p.number}` }, `§ ${p.number}`, p.title ? ` ${p.title}` : null)),
            ),
          ),
        )
      : null,
    doc.attendees.length > 0
      ? h(
          "section",
          { "aria-labelledby": "attendees-h" },
          h("h2", { id: "attendees-h" }, "Närvarande"),
          peopleList(doc.attendees, "people people--columns"),
        )
      : null,
    renderLinks(doc.links),
    doc.paragraphs.length > 0
      ? h(
          "section",
          { "aria-labelledby": "paragraphs-h" },
          h("h2", { id: "paragraphs-h" }, "Paragrafer"),
          doc.paragraphs.map((p) => renderParagraph(p, doc.links)),
        )
      : null,
    renderText(
      doc.pageTexts,
      doc.paragraphs.some((p) => p.text),
      new Set(doc.ocr.missing),
    ),
  );
}

/** Which pages a machine read from a scan, how sure it was, and pages still waiting for it. */
function renderOcr(ocr: OcrInfo, pageAnchors: boolean): Child {
  const status = ocrStatusText(ocr);
  if (!status && ocr.pages.length === 0) return null;
  return h(
    "section",
    { class: "notice ocr", "aria-labelledby": "ocr-h" },
    h("h2", { id: "ocr-h", class: "notice__title" }, "Skannade sidor"),
    status ? h("p", null, status) : null,
    ocr.pages.length > 0
      ? h(
          "ul",
          null,
          ocr.pages.map((p) => {
            const line = ocrPageLine(p.page, p.confidence);
            return h("li", null, pageAnchors ? h("a", { href: `#sida-${p.page}` }, line) : line);
          }),
        )
      : null,
    ocr.pages.length > 0 ? h("p", null, "Text inläst med OCR kan innehålla felläsningar; originalet gäller.") : null,
  );
}

/** Flags for the official to review before handing the record out; the text is the record's, so text only. */
function renderSensitive(flags: SensitiveFlag[]): Child {
  if (flags.length === 0) return null;
  return h(
    "section",
    { class: "notice sensitive", "aria-labelledby": "sensitive-h" },
    h("h2", { id: "sensitive-h", class: "notice__title" }, SENSITIVE_NOTICE),
    h("p", null, "Handlingen innehåller uppgifter som kan omfattas av sekretess eller vara personuppgifter:"),
    h(
      "ul",
      null,
      flags.map((f) =>
        h(
          "li",
          null,
          `${sensitiveLabel(f.kind)}${f.page === null ? "" : `, sida ${f.page}`}: `,
          h("code", null, f.text),
        ),
      ),
    ),
  );
}

function peopleList(people: Person[], className = "people"): HTMLElement {
  return h(
    "ul",
    { class: className },
    people.map((p) => h("li", null, personText(p))),
  );
}

/**
 * Says what a link leads to, so it makes sense read alone ("Bilaga 1 till § 5",
 * not "1"). A link's § is this record's own, except for "attached-to", where it
 * is the § of the record the bilaga belongs to.
 */
function linkText(link: DocumentLink): string {
  const bilaga = link.label ? (/^bilaga\b/i.test(link.label) ? link.label : `Bilaga ${link.label}`) : "Bilaga";
  const paragraph = link.paragraph !== null ? `§ ${link.paragraph}` : null;
  if (link.rel === "attachment") return paragraph ? `${bilaga} till ${paragraph}` : bilaga;
  if (link.rel === "attached-to") return `${link.label ? `${bilaga} till ` : ""}${paragraph ?? "handlingen"}`;
  if (link.rel === "references") return `${bilaga} till tjänsteutlåtande${paragraph ? `, nämnd i ${paragraph}` : ""}`;
  return `${link.label ?? "Handling"}${paragraph ? ` ${paragraph}` : ""}`;
}

function linkItem(link: DocumentLink): HTMLElement {
  const text = linkText(link);
  if (link.documentId === null) {
    return h("li", { class: "link--unresolved" }, `${text} `, h("span", { class: "tag" }, "ej hittad i arkivet"));
  }
  const paragraph = link.rel === "attached-to" ? link.paragraph : null;
  return h("li", null, h("a", { href: documentHref(link.documentId, paragraph) }, text));
}

function renderLinks(links: DocumentLink[]): Child {
  const groups = LINK_GROUPS.map(({ rel, heading }) => ({ heading, links: links.filter((l) => l.rel === rel) }));
  const known = new Set(LINK_GROUPS.map((g) => g.rel));
  const other = links.filter((l) => !known.has(l.rel));
  if (other.length > 0) groups.push({ heading: "Övriga kopplingar", links: other });
  const present = groups.filter((g) => g.links.length > 0);
  if (present.length === 0) return null;
  return h(
    "section",
    { class: "links", "aria-labelledby": "links-h" },
    h("h2", { id: "links-h" }, "Kopplade handlingar"),
    present.map((g) =>
      h("div", { class: "link-group" }, h("h3", null, g.heading), h("ul", null, g.links.map(linkItem))),
    ),
  );
}

/** Matches "8.1" with a link labelled "Bilaga 8.1" (but not "18.1" or "8.10"). */
function attachmentLink(label: string, links: DocumentLink[]): DocumentLink | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(^|[^\\d.])${escaped}($|[^\\d])`, "i");
  return links.find((l) => l.rel === "attachment" && l.label !== null && pattern.test(l.label));
}

function renderParagraph(p: Paragraph, links: DocumentLink[]): HTMLElement {
  const anchor = p.number !== null ? `p${p.number}` : null;
  const headingId = anchor ? `${anchor}-h` : null;
  const heading = [p.number !== null ? `§ ${p.number}` : null, p.title].filter(Boolean).join(" ") || "Paragraf";
  const attachments =
    p.attachments.length > 0
      ? h(
          "ul",
          { class: "people" },
          p.attachments.map((a) => {
            const text = `Bilaga ${a.label}${a.title ? ` ${a.title}` : ""}`;
            const link = attachmentLink(a.label, links);
            if (link?.documentId) return h("li", null, h("a", { href: documentHref(link.documentId) }, text));
            return h("li", null, text, link ? [" ", h("span", { class: "tag" }, "ej hittad i arkivet")] : null);
          }),
        )
      : null;
  return h(
    "section",
    { class: "paragraph", id: anchor, "aria-labelledby": headingId },
    h("h3", { id: headingId }, heading),
    facts(
      [
        ["Diarienummer", dnrLinks(p.diarienummer)],
        ["Yttrade sig", p.speakers.length > 0 ? peopleList(p.speakers) : null],
        ["Reservationer", p.reservations.length > 0 ? peopleList(p.reservations) : null],
        ["Protokollsanteckningar", p.notes.length > 0 ? peopleList(p.notes) : null],
        ["Bilagor", attachments],
        ["Sida", p.page === null ? null : String(p.page)],
      ],
      "facts facts--compact",
    ),
    p.text ? textBlocks(p.text, "paragraph__text") : null,
  );
}

/**
 * The document's own text. When the paragraphs already show theirs, the full
 * text is folded away so the page stays readable, but it is still there to
 * read and to find with the browser's search.
 */
function renderText(pages: string[], paragraphsHaveText: boolean, scannedWithoutText: Set<number>): Child {
  if (pages.every((t) => t.trim() === "")) return null;
  const heading = pages.length > 1 ? `Dokumentets text (${pages.length} sidor)` : "Dokumentets text";
  const body =
    pages.length === 1
      ? textBlocks(pages[0] ?? "", "page-text")
      : pages.map((text, i) =>
          h(
            "section",
            { class: "page", id: `sida-${i + 1}`, "aria-labelledby": `sida-${i + 1}-h` },
            h("h3", { id: `sida-${i + 1}-h`, class: "page__number" }, `Sida ${i + 1}`),
            scannedWithoutText.has(i + 1) && text.trim() === ""
              ? h("p", { class: "page-text" }, h("em", null, "Skannad sida, ännu utan text."))
              : textBlocks(text, "page-text"),
          ),
        );
  if (paragraphsHaveText) {
    return h(
      "section",
      { class: "doc-text", "aria-labelledby": "text-h" },
      h("h2", { id: "text-h" }, "Dokumentets text"),
      h(
        "details",
        { class: "doc-text__details" },
        h("summary", null, `Visa hela texten${pages.length > 1 ? ` (${pages.length} sidor)` : ""}`),
        body,
      ),
    );
  }
  return h("section", { class: "doc-text", "aria-labelledby": "text-h" }, h("h2", { id: "text-h" }, heading), body);
}

/**
 * The words the search that led here matched, marked in the § and page texts,
 * with a line saying so above the text. Marking is a help, not the page: if
 * it fails, the document stays as it is.
 */
async function markHits(root: HTMLElement, id: string, q: string, signal: AbortSignal): Promise<void> {
  let words: string[];
  try {
    words = await getHighlights(id, q, signal);
  } catch {
    return;
  }
  let count = 0;
  for (const block of root.querySelectorAll(".paragraph__text, .page-text")) count += markWords(block, new Set(words));
  const heading = root.querySelector("h1");
  if (!heading) return;
  const plain = new URL(window.location.href);
  plain.searchParams.delete("q");
  heading.after(
    h(
      "p",
      { class: "hit-notice" },
      count > 0
        ? `${count} ${count === 1 ? "träff" : "träffar"} för ”${q}” är markerade i texten. `
        : `Sökningen ”${q}” har inga träffar i texten (den kan ha träffat titeln eller diarienumret). `,
      h("a", { href: plain.pathname + plain.hash }, "Visa utan markering"),
    ),
  );
}

/** Plain text as blocks split on blank lines; single line breaks are kept by CSS. */
function textBlocks(text: string, className: string): HTMLElement {
  const blocks = text
    .split(/\n[ \t]*\n+/)
    .map((b) => b.replace(/^\n+|\s+$/g, ""))
    .filter((b) => b.trim() !== "");
  return h(
    "div",
    { class: className },
    blocks.map((b) => h("p", null, b)),
  );
}

/** The body's meeting this record belongs to: its kallelse, protokoll, utdrag and bilagor together. */
function meetingLink(doc: ArchiveDocument): Child {
  const href = meetingOf(doc);
  return href ? h("a", { href }, "Alla handlingar från sammanträdet") : null;
}
