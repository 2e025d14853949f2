/**
 * Logg över utlämnanden, for admins: every export and download of originals
 * (who got which records, when) and the sign-ins, newest first, 50 a page.
 * The server decides who may read it; a refusal is explained, not hidden.
 */

import { type AuditEntry, getAudit } from "../api/audit.ts";
import { ApiError, isAbort } from "../api/http.ts";
import { actionLabel, auditSubject, auditTime } from "../audit-texts.ts";
import { type Child, h, replace } from "../dom.ts";
import { caseHref, documentHref, signInHref } from "../labels.ts";
import { pageInfo } from "../search-state.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";

const PAGE = 50;
/** More documents than this in one entry fold away behind "Visa". */
const INLINE_DOCUMENTS = 3;

export function auditLogHref(offset: number): string {
  return offset > 0 ? `/logg?offset=${offset}` : "/logg";
}

export function auditView(ctx: ViewContext): View {
  const controller = new AbortController();
  const raw = Number.parseInt(ctx.url.searchParams.get("offset") ?? "", 10);
  const offset = Number.isFinite(raw) && raw > 0 ? raw : 0;
  setTitle("Logg över utlämnanden");
  const content = h("div", null, loadingNotice("Hämtar loggen …"));
  replace(
    ctx.root,
    h("h1", null, "Logg över utlämnanden"),
    h(
      "p",
      null,
      "Vem som har fått vilka handlingar och när: exporter och nedladdningar av original, och inloggningar. Nyast först.",
    ),
    content,
  );

  getAudit({ limit: PAGE, offset }, controller.signal)
    .then((page) => {
      replace(
        content,
        page.entries.length === 0 ? emptyNotice(offset) : [table(page.entries), pager(page.total, offset)],
      );
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
      replace(content, refused ? refusedNotice() : errorNotice(error, "loggen"));
      settleFocus(ctx.root);
    });

  return {
    destroy() {
      controller.abort();
    },
  };
}

function refusedNotice(): HTMLElement {
  return h(
    "div",
    { class: "notice notice--error", role: "alert" },
    h("p", { class: "notice__title" }, "Loggen kräver administratörsbehörighet."),
    h(
      "p",
      null,
      "Bara administratörer kan se vem som har fått vilka handlingar. ",
      h("a", { href: signInHref() }, "Logga in som administratör"),
      ", eller kontakta systemförvaltaren om du behöver åtkomst.",
    ),
  );
}

function emptyNotice(offset: number): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    offset > 0
      ? h("p", null, "Loggen har inga fler händelser. ", h("a", { href: auditLogHref(0) }, "Till de senaste"), ".")
      : h("p", null, "Loggen är tom. Exporter och nedladdningar av original visas här när de har gjorts."),
  );
}

function table(entries: AuditEntry[]): HTMLElement {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "case-table audit-table" },
      h("caption", { class: "visually-hidden" }, "Logg över utlämnanden, nyast först"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Tid", "Händelse", "Vem", "Vad"].map((label) => h("th", { scope: "col" }, label)),
        ),
      ),
      h(
        "tbody",
        null,
        entries.map((entry) =>
          h(
            "tr",
            null,
            h("td", { class: "nowrap" }, h("time", { datetime: entry.at }, auditTime(entry.at))),
            h("td", null, actionLabel(entry.action)),
            h("td", null, entry.actor || "–"),
            h("td", null, subject(entry)),
          ),
        ),
      ),
    ),
  );
}

function subject(entry: AuditEntry): Child {
  const s = auditSubject(entry.action, entry.detail);
  const parts: Child[] = [];
  if (s.diarienummer) {
    parts.push(h("a", { href: caseHref(s.diarienummer) }, s.text));
  } else if (s.text) parts.push(s.text);
  const links = s.documents.map((d) => h("a", { href: documentHref(d.id), class: "audit-table__doc" }, d.label));
  if (links.length > INLINE_DOCUMENTS || (s.diarienummer && links.length > 0)) {
    parts.push(
      h(
        "details",
        { class: "audit-table__docs" },
        h("summary", null, `Visa ${links.length === 1 ? "handlingen" : `alla ${links.length} handlingar`}`),
        h(
          "ul",
          null,
          links.map((a) => h("li", null, a)),
        ),
      ),
    );
  } else if (links.length > 0) {
    if (s.text) parts.push(": ");
    for (const [i, a] of links.entries()) parts.push(i > 0 ? ", " : null, a);
  }
  return parts.length > 0 ? parts : "–";
}

function pager(total: number, offset: number): Child {
  const info = pageInfo(total, offset, PAGE);
  if (info.count <= 1) return null;
  const link = (to: number | null, text: string, rel: string): Child =>
    to === null
      ? h("span", { class: "pager__disabled", "aria-disabled": "true" }, text)
      : h("a", { href: auditLogHref(to), rel, class: "pager__link" }, text);
  return h(
    "nav",
    { class: "pager", "aria-label": "Sidor i loggen" },
    link(info.prevOffset, "‹ Nyare", "prev"),
    h("span", { class: "pager__position" }, `Sida ${info.current} av ${info.count}`),
    link(info.nextOffset, "Äldre ›", "next"),
  );
}
