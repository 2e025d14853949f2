/**
 * The key records of one body are grouped by. Records of one meeting write the
 * body's name slightly differently ("KOMMUNSTYRELSEN" in a kallelse's header,
 * "Kommunstyrelsen" in the protokoll, a doubled space or an en dash from a PDF's
 * text layer), so the key folds case, width, dashes and whitespace. It is
 * computed here rather than with SQLite's lower(), which folds ASCII only.
 */
export function bodyKey(body: string): string | null {
  const key = body
    .normalize("NFKC")
    .toLocaleLowerCase("sv-SE")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/gu, " ")
    .replace(/\s*-\s+/g, "- ")
    .replace(/^[\s.,:;]+|[\s.,:;]+$/g, "");
  return key === "" ? null : key;
}
