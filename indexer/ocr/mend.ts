/**
 * Repairs what Tesseract's Swedish model reliably gets wrong in records: a
 * section sign read as "8", "S" or "$". At a line's start, before a number and
 * then a capitalised title, a "Dnr" or nothing, it is a § heading ("8 1 Dnr:
 * KSN-2017-00047" → "§ 1 Dnr: ...", also with its 1 read as I: "$ I Dnr:");
 * "8 000 kronor" and "S 3 rum" stay; so after a leading dash ("-8 14 Budget"). After
 * "Paragrafer", "88" is the header's "§§" ("Paragrafer88 1-14"), without which
 * the announced range, and with it every §, is lost. After a year and a comma,
 * "8 4" is the § of a meeting ("protokoll 2017-01-16, 8 4"), which a bilaga
 * names as what it belongs to; "2017, 8 000 kronor" stays. A spaced dash is
 * read as an em dash where Swedish records write an en dash ("Remiss – motion
 * om ...", "kl. 18.30–20.15"), which a title's search and comparison notice.
 */
export function mendOcrText(text: string): string {
  return text
    .replace(/^([8S$&]) ?(\d{1,3})(?=[ \t]+(?:\p{Lu}|Dnr\b)|[ \t]*$)/gmu, "§ $2")
    .replace(/^([-–—] ?)[8S$&] (\d{1,3})(?=[ \t]+(?:\p{Lu}|Dnr\b)|[ \t]*$)/gmu, "$1§ $2")
    .replace(/^[8S$&§] ?[Il|](?=[ \t]+(?:\p{Lu}|Dnr\b))/gmu, "§ 1")
    .replace(/(\d{4}(?:-\d{2}-\d{2})?,)[ \t]?[8S$] ?([1-9]\d{0,2})\b(?![ \t]?\d)/gu, "$1 § $2")
    .replace(/ (?:—-?|-—) /g, " – ")
    .replace(/(\d)(?:—-|-—|—)(\d)/g, "$1–$2")
    .replace(/\b(Paragrafer|Paragraf)[ \t]*(?:88|SS|\$\$|§8|8§|§S|S§)[ \t]*(?=\d)/gu, "$1 §§ ");
}
