/**
 * Hand-written records with invented names, built the way text layers deliver them:
 * one string per page, each page with the repeated header and footer.
 */

export interface TestParagraph {
  number: number;
  title: string;
  dnr?: string;
  /** Body lines after the heading; defaults to a short decision. */
  body?: string[];
  /** Put "§ N Dnr X" on one line and the title below it. */
  dnrOnHeadingLine?: boolean;
}

export interface ProtocolOptions {
  body?: string;
  date?: string;
  kind?: string;
  paragraphs: TestParagraph[];
  /** Attendance lines placed after the header. */
  attendance?: string[];
  /** Add a table of contents listing every paragraph. */
  toc?: boolean;
  /** Announce "Paragrafer X-Y" in the header. */
  announceRange?: boolean;
  /** Paragraphs per page. */
  perPage?: number;
}

const DEFAULT_BODY = [
  "Sammanfattning",
  "",
  "Förvaltningen har berett ärendet.",
  "",
  "Beslut",
  "",
  "Nämnden godkänner redovisningen.",
];

function pageHeader(
  o: Required<Pick<ProtocolOptions, "body" | "date" | "kind">>,
  page: number,
  pages: number,
): string[] {
  return ["EKBY KOMMUN", `${o.kind} ${o.date}`, o.body, `Sida ${page} av ${pages}`, ""];
}

const footer = ["", "Justerandes sign", "", "Utdragsbestyrkande"];

function paragraphLines(p: TestParagraph): string[] {
  const head =
    p.dnrOnHeadingLine && p.dnr ? [`§ ${p.number} Dnr ${p.dnr}`, "", p.title] : [`§ ${p.number}`, "", p.title];
  const dnr = p.dnr && !p.dnrOnHeadingLine ? ["", p.dnr] : [];
  return [...head, ...dnr, "", ...(p.body ?? DEFAULT_BODY), ""];
}

/** A protokoll as page texts. */
export function buildProtocol(options: ProtocolOptions): string[] {
  const o = { body: "Miljö- och byggnämnden", date: "2021-03-16", kind: "SAMMANTRÄDESPROTOKOLL", ...options };
  const first = o.paragraphs[0]?.number ?? 1;
  const last = o.paragraphs.at(-1)?.number ?? first;
  const front = [
    "Plats och tid Rådhuset, kl. 18.00–20.15",
    "",
    ...(o.attendance ?? ["Beslutande Kalle Ekdahl (S), ordförande Maja Lindqvist (M) Olle Fors (C)"]),
    "",
    "Utses att justera Maja Lindqvist",
    "",
    ...(o.announceRange === false
      ? []
      : [`Justeringens plats och tid Rådhuset 2021-03-20 Paragrafer ${first}-${last}`]),
  ];
  const toc = o.toc
    ? [
        "Innehåll",
        ...o.paragraphs.flatMap((p, i) => [
          ...(p.dnr ? [`    ${p.dnr}`] : []),
          `  § ${p.number}  ${p.title}    ${i + 3}`,
        ]),
      ]
    : [];
  const perPage = o.perPage ?? 1;
  const bodyPages: string[][] = [];
  for (let i = 0; i < o.paragraphs.length; i += perPage) {
    bodyPages.push(o.paragraphs.slice(i, i + perPage).flatMap(paragraphLines));
  }
  const all = [front, ...(toc.length ? [toc] : []), ...bodyPages];
  return all.map((lines, i) => [...pageHeader(o, i + 1, all.length), ...lines, ...footer].join("\n"));
}

/** A tjänsteutlåtande as one page. */
export function buildReport(options: { title: string; date: string; dnr: string; attachments?: string[] }): string[] {
  return [
    [
      "Tjänsteutlåtande",
      "Kommunstyrelsens förvaltning",
      `Datum ${options.date}`,
      `Diarienummer ${options.dnr}`,
      "Handläggare Pia Grön",
      "",
      options.title,
      "",
      "Förslag till beslut",
      "Kommunstyrelsen godkänner uppföljningen.",
      "",
      "Sammanfattning",
      "Uppföljningen visar att arbetet ligger i fas.",
      "",
      ...(options.attachments ? ["Bilagor", ...options.attachments, ""] : []),
      "Ture Berg",
      "Kommundirektör",
    ].join("\n"),
  ];
}

/** Join pages as a DOCX or a flattened converter would: one text. */
export function flatten(pages: string[]): string[] {
  return [pages.join("\n\n")];
}
