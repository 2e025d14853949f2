/**
 * Inläsningskö: for admins, how many files wait, are read, are done or
 * failed, and which failed and why, each with a way to run it again. Asks
 * again every few seconds while the tab is visible. Needs write access: asks
 * for a sign-in where one would help (sign-in.ts).
 */

import { ApiError } from "../api/http.ts";
import { type FailedJob, getQueue, type QueueOverview, retryJob } from "../api/queue.ts";
import type { Session } from "../api/session.ts";
import { h, replace } from "../dom.ts";
import { loadSession, onSessionChange } from "../session.ts";
import { readFailure } from "../upload-texts.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";
import { roleName, signedInAs, signInForm } from "./sign-in.ts";

const REFRESH_MS = 4000;

export function queueView(ctx: ViewContext): View {
  setTitle("Inläsningskö");
  const live = h("p", { class: "queue-message", "aria-live": "polite", "aria-atomic": "true" });
  const announce = (text: string): void => {
    live.textContent = text;
  };
  const access = h("div", null, loadingNotice("Kontrollerar behörigheten …"));
  replace(
    ctx.root,
    h("h1", null, "Inläsningskö"),
    h("p", null, "Filer som väntar på att läsas in i arkivet, och de som inte gick att läsa in."),
    access,
    live,
  );

  const problem = h("div");
  const counts = h("div");
  const failures = h("div", null, loadingNotice("Hämtar kön …"));
  let timer: ReturnType<typeof setInterval> | undefined;
  let controller: AbortController | null = null;
  let shown = "";
  let destroyed = false;

  /** Asks for the queue; `fresh` drops an answer already on its way (it may predate a retry). */
  const load = async (fresh = false): Promise<void> => {
    if (fresh) controller?.abort();
    else if (controller) return;
    if (destroyed) return;
    const asking = new AbortController();
    controller = asking;
    try {
      const overview = await getQueue(50, asking.signal);
      replace(problem);
      const key = JSON.stringify(overview);
      if (key !== shown) {
        shown = key;
        draw(overview);
      }
    } catch (error) {
      if (asking.signal.aborted) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        // The token is gone or wrong: the session decides what to offer instead.
        const refused = error;
        void loadSession(true)
          .then((session) => {
            if (session.canAdmin && !problem.firstChild) replace(problem, errorNotice(refused, "kön"));
          })
          .catch(() => undefined);
        return;
      }
      if (!problem.firstChild) replace(problem, errorNotice(error, "kön"));
      if (!shown) replace(failures);
    } finally {
      if (controller === asking) controller = null;
    }
  };

  const draw = (overview: QueueOverview): void => {
    const focusedJob = (document.activeElement as HTMLElement | null)?.dataset?.job ?? null;
    replace(counts, countList(overview));
    replace(failures, failedList(overview.failed, retry));
    if (focusedJob) {
      const again = [...failures.querySelectorAll<HTMLElement>("[data-job]")].find((b) => b.dataset.job === focusedJob);
      (again ?? failures.querySelector<HTMLElement>("h2"))?.focus();
    }
  };

  const retry = (job: FailedJob, button: HTMLButtonElement): void => {
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    announce(`Skickar ${job.file} till inläsning igen …`);
    retryJob(job.id)
      .then(() => announce(`${job.file} läses in igen.`))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === "not_failed") announce(`${job.file} läses redan in.`);
        else if (error instanceof ApiError && error.status === 404)
          announce(`Arkivet har inte längre ${job.file} i kön.`);
        else announce(`Kunde inte köra ${job.file} igen. Försök igen om en stund.`);
      })
      .finally(() => {
        button.removeAttribute("aria-disabled");
        if (!destroyed) void load(true);
      });
  };

  const onVisible = (): void => {
    if (document.visibilityState === "visible") void load();
  };
  const startQueue = (): void => {
    replace(access, signedIn ? signedInAs(signedIn, announce) : null, problem, counts, failures);
    void load().then(() => settleFocus(ctx.root));
    timer = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, REFRESH_MS);
    document.addEventListener("visibilitychange", onVisible);
  };
  const stopQueue = (): void => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
    controller?.abort();
    controller = null;
    shown = "";
    replace(failures, loadingNotice("Hämtar kön …"));
    replace(counts);
  };

  let mode: string | null = null;
  let signedIn: Session | null = null;
  const showAccess = (session: Session): void => {
    const kind = session.canAdmin ? "queue" : !session.tokenRequired ? "denied" : session.signedIn ? "role" : "token";
    const next = `${kind}:${session.name ?? ""}`;
    if (next === mode) return;
    if (mode?.startsWith("queue:")) stopQueue();
    mode = next;
    signedIn = session.signedIn ? session : null;
    if (kind === "queue") startQueue();
    else if (kind === "token") replace(access, signInForm(announce));
    else if (kind === "role") {
      replace(
        access,
        signedInAs(session, announce),
        h(
          "div",
          { class: "notice" },
          h("p", { class: "notice__title" }, `Som ${roleName(session)} kan du inte se kön.`),
          h("p", null, "Inläsningskön visas för administratörer. Kontakta systemförvaltaren om du behöver se den."),
        ),
      );
    } else replace(access, notAllowedNotice());
  };
  const stopListening = onSessionChange(showAccess);
  loadSession()
    .then((session) => {
      showAccess(session);
      if (!mode?.startsWith("queue:")) settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      replace(access, errorNotice(error, "behörigheten"));
      settleFocus(ctx.root);
    });

  return {
    destroy() {
      destroyed = true;
      stopListening();
      if (mode?.startsWith("queue:")) stopQueue();
    },
  };
}

function countList({ counts: c }: QueueOverview): HTMLElement {
  const item = (label: string, value: number) =>
    h("div", null, h("dt", null, label), h("dd", null, value.toLocaleString("sv-SE")));
  return h(
    "section",
    { "aria-labelledby": "queue-counts-h" },
    h("h2", { id: "queue-counts-h" }, "Läget just nu"),
    h(
      "dl",
      { class: "queue-counts" },
      // `waiting` includes the retrying jobs; each is counted once here.
      item("Väntar", Math.max(0, c.waiting - c.retrying)),
      item("Försöker igen", c.retrying),
      item("Pågår", c.active),
      item("Klara", c.completed),
      item("Misslyckade", c.failed),
    ),
    h(
      "p",
      { class: "hint" },
      "”Försöker igen” är filer som misslyckades av en tillfällig orsak och väntar på ett nytt försök.",
    ),
  );
}

function failedList(
  jobs: readonly FailedJob[],
  retry: (job: FailedJob, button: HTMLButtonElement) => void,
): HTMLElement {
  const heading = h("h2", { id: "queue-failed-h", tabindex: "-1" }, "Misslyckade filer");
  if (jobs.length === 0) {
    return h("section", { "aria-labelledby": "queue-failed-h" }, heading, h("p", null, "Inga misslyckade filer."));
  }
  const rows = jobs.map((job) => {
    const failure = readFailure(job.errorCode, job.error);
    const button = h(
      "button",
      {
        type: "button",
        class: "button button--secondary",
        "aria-label": `Försök igen med ${job.file}`,
        "data-job": job.id,
      },
      "Försök igen",
    );
    button.addEventListener("click", () => retry(job, button));
    return h(
      "li",
      { class: "queue-job" },
      h("p", { class: "queue-job__file" }, job.file),
      h("p", null, failure.reason),
      failure.detail ? h("p", { class: "hint" }, `Arkivets meddelande: ${failure.detail}`) : null,
      h("p", { class: "hint" }, "Misslyckades ", timeText(job.failedAt), attemptsText(job.attempts)),
      h("p", { class: "queue-job__action" }, button),
    );
  });
  return h(
    "section",
    { "aria-labelledby": "queue-failed-h" },
    heading,
    h("ul", { class: "queue-jobs", "aria-labelledby": "queue-failed-h" }, rows),
  );
}

function attemptsText(attempts: number | null): string {
  if (attempts === null || attempts < 2) return "";
  return ` efter ${attempts.toLocaleString("sv-SE")} försök`;
}

function timeText(iso: string | null): HTMLElement | string {
  if (!iso) return "(okänd tid)";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return h("time", { datetime: iso }, date.toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "medium" }));
}

function notAllowedNotice(): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    h("p", { class: "notice__title" }, "Kön kan inte visas härifrån."),
    h(
      "p",
      null,
      "Arkivet har ingen API-nyckel inställd och visar därför bara kön på servern där det körs. ",
      "Kontakta systemförvaltaren om du behöver se den.",
    ),
  );
}
