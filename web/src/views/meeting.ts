/**
 * Sammanträde: one body's meeting (/sammantrade?organ=&datum=), drawn by
 * meeting-records.ts; without a date, the meetings of one body or of all,
 * newest first (meeting-list.ts).
 */

import { ApiError, isAbort } from "../api/http.ts";
import { getMeeting } from "../api/meetings.ts";
import { h, replace } from "../dom.ts";
import { meetingsHref, parseMeetingParams } from "../meeting-state.ts";
import { EMPTY_SEARCH, searchUrl } from "../search-state.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";
import { lookupForm, showList } from "./meeting-list.ts";
import { renderMeeting } from "./meeting-records.ts";

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
  getMeeting(body, date, signal)
    .then((meeting) => {
      setTitle(`${meeting.body} ${meeting.date}`);
      replace(ctx.root, renderMeeting(meeting));
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      const notFound = error instanceof ApiError && error.status === 404;
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
