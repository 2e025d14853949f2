/**
 * Ladda upp: files dropped or chosen, each sent on its own with its progress,
 * then followed until it is searchable or refused (uploader.ts). Asks the
 * official to sign in where the archive needs it (sign-in.ts); says so plainly
 * where uploading is not possible.
 */

import type { Session } from "../api/session.ts";
import { h, replace } from "../dom.ts";
import { loadSession, onSessionChange } from "../session.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";
import { roleName, signedInAs, signInForm } from "./sign-in.ts";
import { createUploader, type Uploader } from "./uploader.ts";

export function uploadView(ctx: ViewContext): View {
  setTitle("Ladda upp");
  const live = h("div", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  const access = h("div", { class: "upload-access" }, loadingNotice("Kontrollerar om du kan ladda upp …"));
  replace(
    ctx.root,
    h("h1", null, "Ladda upp handlingar"),
    h(
      "p",
      { class: "upload-intro" },
      "Lägg in protokoll, tjänsteutlåtanden, kallelser och bilagor som PDF, Word (.docx) eller text (.txt). ",
      "Varje fil läses in för sig och blir sökbar så snart den är klar.",
    ),
    access,
    live,
  );

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const pending: string[] = [];
  /** Collects what happens within a moment into one message, so none is cut off by the next. */
  const announce = (text: string): void => {
    pending.push(text);
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      live.textContent = pending.splice(0).join(" ");
    }, 600);
  };

  let uploader: Uploader | null = null;
  let mode: string | null = null;
  const showAccess = (session: Session): void => {
    const kind = session.canWrite
      ? "uploader"
      : !session.tokenRequired
        ? "denied"
        : session.signedIn
          ? "role"
          : "token";
    const next = `${kind}:${session.name ?? ""}`;
    if (next === mode) return;
    const wasAskingForToken = mode?.startsWith("token:") === true;
    mode = next;
    uploader?.destroy();
    uploader = null;
    const who = session.signedIn ? signedInAs(session, announce) : null;
    if (kind === "uploader") {
      uploader = createUploader(announce);
      replace(access, who, uploader.root);
      if (wasAskingForToken) uploader.focus();
    } else if (kind === "token") {
      replace(access, signInForm(announce));
    } else if (kind === "role") {
      replace(access, who, roleNotice(session));
    } else {
      replace(access, notAllowedNotice());
    }
  };

  const stopListening = onSessionChange(showAccess);
  loadSession()
    .then((session) => {
      showAccess(session);
      settleFocus(ctx.root);
    })
    .catch((error: unknown) => {
      replace(access, errorNotice(error, "behörigheten"));
      settleFocus(ctx.root);
    });

  // A file dropped beside the drop zone must not make the browser leave the page to show it.
  const keepOnPage = (event: DragEvent): void => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  };
  document.addEventListener("dragover", keepOnPage);
  document.addEventListener("drop", keepOnPage);

  return {
    destroy() {
      stopListening();
      uploader?.destroy();
      clearTimeout(announceTimer);
      document.removeEventListener("dragover", keepOnPage);
      document.removeEventListener("drop", keepOnPage);
    },
  };
}

function roleNotice(session: Session): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    h("p", { class: "notice__title" }, `Som ${roleName(session)} kan du inte ladda upp.`),
    h("p", null, "Att lägga in handlingar kräver en nyckel för redaktör. Kontakta systemförvaltaren om du behöver en."),
  );
}

function notAllowedNotice(): HTMLElement {
  return h(
    "div",
    { class: "notice" },
    h("p", { class: "notice__title" }, "Uppladdning är inte möjlig härifrån."),
    h(
      "p",
      null,
      "Arkivet har ingen API-nyckel inställd och tar därför bara emot filer från servern där det körs. ",
      "Kontakta systemförvaltaren om du behöver lägga in handlingar.",
    ),
  );
}
