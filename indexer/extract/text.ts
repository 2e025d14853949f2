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
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/\r\n?/g, "\n").split("\f");
}
