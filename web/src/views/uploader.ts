/**
 * The uploader: the drop zone, and the list of files with each one's status,
 * progress while sending, then a link to the record or the reason it was
 * refused. It draws what the page's one upload controller reports, so a
 * batch still being read shows again after a look elsewhere.
 */

import { h, replace } from "../dom.ts";
import { documentHref } from "../labels.ts";
import { loadSession } from "../session.ts";
import { type Change, uploads } from "../upload-controller.ts";
import { tally, type UploadItem } from "../upload-queue.ts";
import { announcement, percent, phaseText, sizeText, summaryText } from "../upload-texts.ts";
import { dropZone } from "./upload-drop.ts";

export interface Uploader {
  root: HTMLElement;
  focus(): void;
  destroy(): void;
}

export function createUploader(announce: (text: string) => void): Uploader {
  const controller = uploads();
  const { el: zone, input } = dropZone(
    (files, skipped) => addFiles(files, skipped),
    () => announce("Det du släppte kunde inte läsas. Välj filerna med knappen i stället."),
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
      announce(`${files.length === 1 ? "1 fil tillagd" : `${files.length} filer tillagda`}. Uppladdningen har börjat.`);
    }
    if (skipped > 0) {
      announce(
        `${skipped === 1 ? "1 fil" : `${skipped} filer`} i mappen hoppades över: arkivet tar bara emot PDF, Word (.docx) och text (.txt).`,
      );
    }
    if (files.length === 0 && skipped === 0) announce("Inga filer hittades i det du släppte.");
  };

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
