/**
 * Ladda upp: files dropped or chosen, each sent on its own with its progress,
 * then followed until it is searchable or refused. Asks for an API token
 * where the archive needs one; says so plainly where uploading is not possible.
 */

import type * as api from "../api.ts";
import { h, replace } from "../dom.ts";
import { documentHref } from "../labels.ts";
import { forgetToken, loadSession, onSessionChange, storedToken, tryToken } from "../session.ts";
import { type Change, uploads } from "../upload-controller.ts";
import { announcement, percent, phaseText, sizeText, summaryText, tally, type UploadItem } from "../upload-queue.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";

/** What a folder dropped on the page may hold that the archive reads. */
const ACCEPTED = /\.(?:pdf|docx|txt)$/i;

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
  const showAccess = (session: api.Session): void => {
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

function tokenForm(announce: (text: string) => void): HTMLElement {
  const error = h("p", { id: "api-token-error", class: "field-error", hidden: true });
  const input = h("input", {
    id: "api-token",
    name: "api-token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "api-token-hint",
  });
  const button = h("button", { type: "submit", class: "button" }, "Använd nyckeln");
  const form = h(
    "form",
    { class: "search-form token-form", "aria-labelledby": "token-h" },
    h("h2", { id: "token-h" }, "API-nyckel"),
    h(
      "p",
      { id: "api-token-hint", class: "hint" },
      "Arkivet tar bara emot filer med en API-nyckel. Klistra in nyckeln du fått av systemförvaltaren. ",
      "Den sparas bara i den här fliken och glöms när du stänger den.",
    ),
    h("label", { for: "api-token", class: "search-form__label" }, "API-nyckel"),
    h("div", { class: "search-form__row" }, input, button),
    error,
  );
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    error.hidden = true;
    input.setAttribute("aria-describedby", "api-token-hint");
  });
  const showError = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "api-token-hint api-token-error");
    input.focus();
    // Focus stays in the field it was already in, so the error is also said aloud.
    announce(text);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return showError("Skriv eller klistra in nyckeln först.");
    button.disabled = true;
    tryToken(token)
      .then((session) => {
        if (session.canWrite) announce("Nyckeln godtogs. Du kan ladda upp filer.");
        else showError("Nyckeln godtogs inte. Kontrollera att du klistrat in hela nyckeln.");
      })
      .catch(() => showError("Kunde inte kontrollera nyckeln. Försök igen om en stund."))
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

function tokenInUse(announce: (text: string) => void): HTMLElement {
  const forget = h("button", { type: "button", class: "link-button" }, "Glöm nyckeln");
  forget.addEventListener("click", () => {
    void forgetToken().then(() => announce("Nyckeln är borttagen från den här fliken."));
  });
  return h(
    "p",
    { class: "hint token-in-use" },
    "Du laddar upp med en API-nyckel som sparats i den här fliken. ",
    forget,
  );
}

interface Uploader {
  root: HTMLElement;
  focus(): void;
  destroy(): void;
}

function createUploader(announce: (text: string) => void): Uploader {
  const controller = uploads();
  const input = h("input", {
    id: "upload-files",
    name: "file",
    type: "file",
    multiple: true,
    accept:
      ".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain",
    "aria-describedby": "upload-hint",
  });
  const zone = h(
    "div",
    { class: "dropzone" },
    h("p", { class: "dropzone__title", "aria-hidden": "true" }, "Släpp filer eller mappar här"),
    h("label", { for: "upload-files", class: "search-form__label" }, "Välj filer att ladda upp"),
    input,
    h(
      "p",
      { id: "upload-hint", class: "hint" },
      "Du kan välja många filer på en gång, eller dra dem hit från Utforskaren. Filer som redan finns i arkivet läggs inte in två gånger.",
    ),
  );
  const summary = h("p", { class: "upload-summary", tabindex: "-1" });
  const list = h("ol", { class: "uploads" });
  const retryAll = h(
    "button",
    { type: "button", class: "button button--secondary" },
    "Försök igen med misslyckade filer",
  );
  const clear = h("button", { type: "button", class: "button button--secondary" }, "Rensa klara från listan");
  const actions = h("div", { class: "upload-actions" }, retryAll, clear);
  const results = h(
    "section",
    { class: "upload-results", "aria-labelledby": "uploads-h" },
    h("h2", { id: "uploads-h" }, "Filer"),
    summary,
    actions,
    list,
  );
  const root = h("div", { class: "uploader" }, zone, results);
  const rows = new Map<number, Row>();

  const refresh = (): void => {
    const items = controller.items;
    results.hidden = items.length === 0;
    const t = tally(items);
    summary.textContent = summaryText(t);
    retryAll.hidden = !items.some((i) => i.phase === "failed" && i.failure?.retryable);
    clear.hidden = t.done + t.failed === 0;
  };

  const onChanges = (changes: Change[]): void => {
    for (const { before: old, after } of changes) {
      if (after === null) {
        if (old) rows.get(old.key)?.el.remove();
        if (old) rows.delete(old.key);
        continue;
      }
      let row = rows.get(after.key);
      if (!row) {
        row = createRow(after, (key) => controller.retry(key));
        rows.set(after.key, row);
        list.append(row.el);
      }
      row.update(after);
      if (old) {
        const text = announcement(old, after);
        if (text) announce(text);
      }
      // A refused token: ask the server again, which brings back the token form where one helps.
      if (after.failure?.needsToken && old?.phase !== "failed") void loadSession(true).catch(() => undefined);
    }
    const t = tally(controller.items);
    if (
      changes.some((c) => c.before && c.after && c.before.phase !== c.after.phase) &&
      t.total > 0 &&
      t.pending === 0
    ) {
      announce(`Klart. ${summaryText(t)}`);
    }
    refresh();
  };

  for (const item of controller.items) {
    const row = createRow(item, (key) => controller.retry(key));
    row.update(item);
    rows.set(item.key, row);
    list.append(row.el);
  }
  refresh();
  const unsubscribe = controller.subscribe(onChanges);

  const addFiles = (files: File[], skipped = 0): void => {
    if (files.length > 0) {
      controller.add(files);
      announce(`${files.length === 1 ? "1 fil" : `${files.length} filer`} tillagda. Uppladdningen har börjat.`);
    }
    if (skipped > 0) {
      announce(
        `${skipped === 1 ? "1 fil" : `${skipped} filer`} i mappen hoppades över: arkivet tar bara emot PDF, Word (.docx) och text (.txt).`,
      );
    }
    if (files.length === 0 && skipped === 0) announce("Inga filer hittades i det du släppte.");
  };

  input.addEventListener("change", () => {
    addFiles([...(input.files ?? [])]);
    input.value = "";
  });
  let depth = 0;
  zone.addEventListener("dragenter", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    depth++;
    zone.classList.add("is-dragover");
  });
  zone.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  zone.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove("is-dragover");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove("is-dragover");
    if (!event.dataTransfer) return;
    void droppedFiles(event.dataTransfer).then(({ files, skipped }) => addFiles(files, skipped));
  });
  retryAll.addEventListener("click", () => {
    controller.retryAll();
    // The button hides itself; the summary is where the batch's state is read.
    summary.focus();
  });
  clear.addEventListener("click", () => {
    controller.clearFinished();
    input.focus();
  });

  return {
    root,
    focus() {
      input.focus();
    },
    destroy() {
      unsubscribe();
    },
  };
}

interface Row {
  el: HTMLElement;
  update(item: UploadItem): void;
}

/** One file's line: name and size, status, progress while sending, then a link or the reason. */
function createRow(item: UploadItem, retry: (key: number) => void): Row {
  const status = h("span", { class: "upload__status" });
  const progress = h("progress", {
    class: "upload__progress",
    max: 100,
    value: 0,
    "aria-label": `Skickar ${item.name}`,
  });
  const detail = h("div", { class: "upload__detail" });
  const el = h(
    "li",
    { class: "upload", tabindex: "-1" },
    h("span", { class: "upload__name" }, item.name),
    " ",
    h("span", { class: "upload__size" }, `(${sizeText(item.size)})`),
    h("div", { class: "upload__state" }, status, progress),
    detail,
  );
  let shownPhase: UploadItem["phase"] | null = null;
  return {
    el,
    update(next) {
      status.textContent = phaseText(next);
      progress.hidden = next.phase !== "uploading";
      progress.value = percent(next);
      el.dataset.phase = next.phase;
      if (next.phase === shownPhase) return;
      shownPhase = next.phase;
      replace(detail, details(next, retry));
    },
  };
}

function details(item: UploadItem, retry: (key: number) => void): HTMLElement[] {
  if ((item.phase === "completed" || item.phase === "exists") && item.documentId) {
    return [h("a", { href: documentHref(item.documentId), class: "upload__open" }, `Öppna ${item.name}`)];
  }
  if (item.phase !== "failed" || !item.failure) return [];
  const out: HTMLElement[] = [];
  if (item.failure.detail) out.push(h("p", { class: "hint" }, `Arkivets meddelande: ${item.failure.detail}`));
  if (item.failure.retryable) {
    const button = h(
      "button",
      { type: "button", class: "link-button", "aria-label": `Försök igen med ${item.name}` },
      "Försök igen",
    );
    button.addEventListener("click", () => {
      const row = button.closest("li");
      retry(item.key);
      // The button goes with the failure; keep the place in the list.
      row?.focus();
    });
    out.push(h("p", null, button));
  }
  return out;
}

/** Files of a drop, folders walked (keeping what the archive reads), or plain files where the browser cannot walk. */
async function droppedFiles(data: DataTransfer): Promise<{ files: File[]; skipped: number }> {
  const entries = [...data.items]
    .map((item) => (item.kind === "file" ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) return { files: [...data.files], skipped: 0 };
  const files: File[] = [];
  let skipped = 0;
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      if (!inFolder || ACCEPTED.test(file.name)) files.push(file);
      else skipped++;
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, true);
    }
  };
  for (const entry of entries) await walk(entry, false);
  return { files, skipped };
}
