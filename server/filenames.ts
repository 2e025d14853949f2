import { basename } from "node:path";

/**
 * A client's filename made safe to store and show: no directories, no
 * control characters, a bounded length. Busboy hands over names as latin1;
 * names that are really UTF-8 are decoded back.
 */
export function safeFilename(raw: string): string {
  let name = raw;
  const utf8 = Buffer.from(raw, "latin1").toString("utf8");
  if (!utf8.includes("\uFFFD") && utf8 !== raw) name = utf8;
  name = basename(name.replace(/\\/g, "/"));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  name = name.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (name.length > 200) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name === "" || name === "." || name === ".." ? "namnlös" : name;
}
