/**
 * Plain text exports from older case-management systems come as UTF-8 or as
 * Windows-1252. Valid UTF-8 wins; anything else is read as Windows-1252,
 * which maps every byte, so no text is lost. Form feeds separate pages.
 */
export function decodeText(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/\r\n?/g, "\n").split("\f");
}

// 0x80–0x9F of Windows-1252 (– — ’ “ ” € …); the rest equals Latin-1. Node 20's
// TextDecoder("windows-1252") decodes these as C1 controls, so we map them here.
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80] as string);
}
