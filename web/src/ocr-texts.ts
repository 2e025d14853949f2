/** What an official reads about a document's OCR: which pages were read by machine, and what is still missing. */

export interface OcrInfo {
  /** none, pending, done, partial, needed or failed. */
  status: string;
  pages: { page: number; confidence: number }[];
  /** Scanned pages still without OCR text. */
  missing: number[];
}

/** "sida 3" or "sidorna 2, 3 och 5". */
export function pageList(pages: number[]): string {
  if (pages.length === 1) return `sida ${pages[0]}`;
  return `sidorna ${pages.slice(0, -1).join(", ")} och ${pages.at(-1)}`;
}

/** "Sida 3 är inläst med OCR (säkerhet 87 %)": one line per page, confidence rounded to a whole per cent. */
export function ocrPageLine(page: number, confidence: number): string {
  return `Sida ${page} är inläst med OCR (säkerhet ${Math.round(confidence)} %)`;
}

/** The notice about pages without text of their own, or null when there is nothing to say. */
export function ocrStatusText(ocr: OcrInfo): string | null {
  const missing = ocr.missing.length ? pageList(ocr.missing) : "skannade sidor";
  switch (ocr.status) {
    case "pending":
      return `Texten på ${missing} läses in med OCR. Tills det är klart går handlingen bara att hitta på den text som redan finns.`;
    case "needed":
      return `${capitalize(missing)} är skannade och saknar text. De läses in med OCR när det finns på servern; tills dess går deras text inte att söka.`;
    case "partial":
      return ocr.missing.length
        ? `${capitalize(missing)} hann inte läsas in med OCR (gränsen för sidor eller tid nåddes) och går inte att söka.`
        : null;
    case "failed":
      return `OCR av ${missing} misslyckades; deras text går inte att söka.`;
    default:
      return null;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
