/**
 * Where files come in: the file input, and the zone around it that takes
 * files and folders dragged from the file manager. Folders are walked and
 * only what the archive reads is kept from them.
 */

import { h } from "../dom.ts";

/** What a folder dropped on the page may hold that the archive reads. */
const ACCEPTED = /\.(?:pdf|docx|txt)$/i;

export interface DropZone {
  el: HTMLElement;
  /** The file input, where keyboard users choose files and focus returns. */
  input: HTMLInputElement;
}

/**
 * `onFiles` gets every batch of chosen or dropped files, with how many files
 * of a dropped folder were left out; `onUnreadable` a drop that could not be read.
 */
export function dropZone(onFiles: (files: File[], skipped: number) => void, onUnreadable: () => void): DropZone {
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

  input.addEventListener("change", () => {
    onFiles([...(input.files ?? [])], 0);
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
    void droppedFiles(event.dataTransfer).then(({ files, skipped }) => onFiles(files, skipped), onUnreadable);
  });
  return { el: zone, input };
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
