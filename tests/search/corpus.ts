/**
 * A small hand-written corpus for the search behaviour suite: each record
 * carries the words one rule needs (inflections, compounds, å/ä/ö, typos,
 * case numbers, people), so a failing assertion points at one rule.
 */
import type { StoredDocument } from "../../indexer/archive/archive.ts";
import type { Person, RecordData, RecordType } from "../../indexer/model.ts";

interface ParagraphSpec {
  number: number;
  title: string;
  text: string;
  dnr?: string[];
  speakers?: Person[];
}

interface DocSpec {
  id: string;
  type?: RecordType;
  title?: string;
  body?: string | null;
  date?: string | null;
  paragraphs?: ParagraphSpec[];
  /** Page texts for a record without §. */
  pages?: string[];
  dnr?: string[];
}

const person = (name: string, party: string | null): Person => ({ name, party, role: null });

export function buildDocument(spec: DocSpec): StoredDocument {
  const paragraphs = (spec.paragraphs ?? []).map((p) => ({
    number: p.number,
    title: p.title,
    diarienummer: p.dnr ?? [],
    speakers: p.speakers ?? [],
    reservations: [],
    notes: [],
    attachments: [],
    text: `§ ${p.number} ${p.title}\n${p.text}`,
    page: 1,
  }));
  const header = `${spec.title ?? "Protokoll"}\n${spec.body ?? ""}\nSammanträdesdatum ${spec.date ?? ""}\n`;
  const pages = spec.pages ?? [header + paragraphs.map((p) => p.text).join("\n\n")];
  const diarienummer = [...new Set([...(spec.dnr ?? []), ...paragraphs.flatMap((p) => p.diarienummer)])];
  const record: RecordData = {
    type: spec.type ?? "protokoll",
    title: spec.title ?? `Protokoll ${spec.body ?? ""} ${spec.date ?? ""}`.trim(),
    body: spec.body === undefined ? "Kommunstyrelsen" : spec.body,
    meetingDate: spec.type === "tjansteutlatande" ? null : (spec.date ?? null),
    documentDate: spec.type === "tjansteutlatande" ? (spec.date ?? null) : null,
    diarienummer,
    caseNumbers: diarienummer.map((d) => ({ canonical: d, written: d })),
    paragraphs,
    attendees: [],
    belongsTo: null,
    attachments: [],
    references: [],
  };
  return {
    id: spec.id,
    sha256: spec.id.padEnd(64, "0"),
    filename: `${spec.id}.txt`,
    format: "text",
    size: pages.join("").length,
    record,
    pages,
    ingestedAt: "2025-01-01T00:00:00.000Z",
  };
}

/** The corpus every engine indexes before the behaviour suite runs. */
export const CORPUS: StoredDocument[] = [
  buildDocument({
    id: "trygghet2020",
    body: "Trygghets- och delaktighetsberedningen",
    date: "2020-02-20",
    paragraphs: [
      {
        number: 8,
        title: "Uppföljning av program för trygghet och säkerhet",
        text: "Klotterrelaterad skadegörelse har minskat i parken. Ingalill Söderberg (DP) yrkar bifall. Frida Andersson (MP) anmäler protokollsanteckning.",
        dnr: ["KS-2020/42.142"],
        speakers: [person("Ingalill Söderberg", "DP"), person("Frida Andersson", "MP")],
      },
      {
        number: 9,
        title: "Budgetuppföljning februari",
        text: "Budgetuppföljningen visar ett underskott. Erik Johansson (SD) yrkar avslag. Beredningen beslutar att godkänna uppföljningen av trygghet.",
        dnr: ["KS-2020/87.141"],
        speakers: [person("Erik Johansson", "SD")],
      },
    ],
  }),
  buildDocument({
    id: "tjut2020",
    type: "tjansteutlatande",
    title: "Tjänsteutlåtande om trygghetsprogrammet",
    body: "Kommunstyrelsen",
    date: "2020-02-06",
    dnr: ["KS-2020/42.142"],
    pages: [
      "Tjänsteutlåtande\nDiarienummer KS 2020/42.142\nFörslag till beslut: programmet för trygghet följs upp årligen.",
    ],
  }),
  buildDocument({
    id: "beslutet2019",
    body: "Miljö- och hälsoskyddsnämnden",
    date: "2019-05-14",
    paragraphs: [
      {
        number: 3,
        title: "Tillsyn av förorenad mark",
        text: "Nämnden fattade beslutet att förelägga fastighetsägaren. Beslutet gäller omedelbart.",
        dnr: ["MHN-2019/311"],
        speakers: [person("Anna Berg", "S")],
      },
    ],
  }),
  buildDocument({
    id: "besluten2021",
    body: "Barn- och utbildningsnämnden",
    date: "2021-09-01",
    paragraphs: [
      {
        number: 12,
        title: "Läsårstider för förskoleklass",
        text: "Besluten om läsårstider fattas av nämndens ordförande. Anna Berg (M) yrkar bifall.",
        dnr: ["BUN-2021/172.694"],
        speakers: [person("Anna Berg", "M")],
      },
    ],
  }),
  buildDocument({
    id: "far2018",
    body: "Socialnämnden",
    date: "2018-03-01",
    paragraphs: [{ number: 5, title: "Stöd till ensamstående", text: "En far med tre barn ansöker om stöd." }],
  }),
  buildDocument({
    id: "far2022",
    body: "Socialnämnden",
    date: "2022-03-01",
    paragraphs: [{ number: 6, title: "Boendestöd", text: "Den enskilde får stöd i hemmet enligt beslut." }],
  }),
  buildDocument({
    id: "upphandling2023",
    body: "Tekniska nämnden",
    date: "2023-06-12",
    paragraphs: [
      {
        number: 21,
        title: "Upphandling av vinterväghållning",
        text: "Upphandlingen av vinterväghållning genomförs som förnyad konkurrensutsättning. Trafiksäkerhetsfrågor prioriteras.",
        dnr: ["TN-2023/55"],
        speakers: [person("Karl Öberg", "C")],
      },
    ],
  }),
  buildDocument({
    id: "xss2024",
    type: "ovrigt",
    title: "Anteckning",
    body: null,
    date: "2024-01-10",
    pages: ['Vandalism <script>alert(1)</script> och <img src=x onerror="alert(2)"> i parken & på torget'],
  }),
  buildDocument({
    id: "kallelse2020",
    type: "kallelse",
    title: "Kallelse Kommunstyrelsen",
    body: "Kommunstyrelsen",
    date: "2020-03-02",
    dnr: ["KS-2020/87.141"],
    pages: ["Kallelse\nÄrenden: Budgetuppföljning februari, KS 2020/87. Graffiti på skolor."],
  }),
];
