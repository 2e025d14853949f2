/**
 * Ladda upp: files dropped or chosen, each sent on its own with its progress,
 * then followed until it is searchable or refused (uploader.ts). Asks for an
 * API token where the archive needs one (upload-token.ts); says so plainly
 * where uploading is not possible.
 */

import type { Session } from "../api/uploads.ts";
import { h, replace } from "../dom.ts";
import { loadSession, onSessionChange, storedToken } from "../session.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";
import { tokenForm, tokenInUse } from "./upload-token.ts";
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
  let mode: "uploader" | "token" | "denied" | null = null;
  const showAccess = (session: Session): void => {
    const next = session.canWrite ? "uploader" : session.tokenRequired ? "token" : "denied";
    if (next === mode) return;
    const wasAskingForToken = mode === "token";
    mode = next;
    uploader?.destroy();
    uploader = null;
    if (next === "uploader") {
      uploader = createUploader(announce);
      replace(access, storedToken() ? tokenInUse(announce) : null, uploader.root);
      if (wasAskingForToken) uploader.focus();
    } else if (next === "token") {
      replace(access, tokenForm(announce));
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
