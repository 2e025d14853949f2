/**
 * Matters (ärenden) that Swedish bodies decide, by sector. A template gives the
 * title, the definite noun the decision is phrased around ("Uppföljningen ...
 * godkänns") and the verbs that fit it. Placeholders: {y} the case year, {y1}
 * the next year, {y3} three years on, {py} the previous year, {district} a part
 * of the municipality, {month} a month name, {lookalike} a number that looks
 * like a diarienummer but is not one.
 */

import type { Sector } from "./vocabulary.ts";

export interface MatterTemplate {
  title: string;
  /** Definite form used in the decision: "Uppföljningen", "Riktlinjerna". */
  noun: string;
  verbs: readonly string[];
  /** Standing business without a case of its own (no diarienummer). */
  standing?: boolean;
}

const T = (title: string, noun: string, ...verbs: string[]): MatterTemplate => ({ title, noun, verbs });

export const MATTERS: Record<Sector, readonly MatterTemplate[]> = {
  central: [
    T(
      "Uppföljning av program för trygghet och säkerhet {py}–{y1} avseende {py}",
      "Uppföljningen",
      "godkänns",
      "läggs till handlingarna",
    ),
    T("Budgetuppföljning per {month} {y}", "Budgetuppföljningen", "godkänns", "läggs till handlingarna"),
    T(
      "Revidering av riktlinjer mot klotterrelaterad skadegörelse",
      "De reviderade riktlinjerna",
      "antas",
      "fastställs",
    ),
    T("Detaljplan för {district}, del av Kvarnen 2:14 – antagande", "Detaljplanen", "antas"),
    T("Detaljplan för bostäder vid {district} – beslut om samråd", "Planförslaget", "godkänns för samråd"),
    T(
      "Yttrande över remiss av betänkandet {lookalike}",
      "Förvaltningens förslag till yttrande",
      "antas som kommunstyrelsens eget yttrande",
    ),
    T(
      "Årsredovisning {py} för {municipality} kommun",
      "Årsredovisningen",
      "godkänns",
      "överlämnas till kommunfullmäktige",
    ),
    T("Mål och budget {y1} med plan för {y1}–{y3}", "Förslaget till mål och budget", "fastställs", "antas"),
    T("Internkontrollplan {y1} för kommunstyrelsen", "Internkontrollplanen", "fastställs"),
    T("Handlingsplan mot våldsbejakande extremism {y}–{y3}", "Handlingsplanen", "antas"),
    T("Riktlinjer för hantering av allmänna handlingar", "Riktlinjerna", "antas", "fastställs"),
    T("Revidering av dokumenthanteringsplan för kommunstyrelsen", "Dokumenthanteringsplanen", "fastställs"),
    T("Försäljning av fastigheten Lövet 3 i {district}", "Försäljningen", "godkänns"),
    T("Markanvisning för flerbostadshus i {district}", "Markanvisningsavtalet", "godkänns"),
    T("Trygghetsmätning {y} – redovisning av resultat", "Redovisningen", "läggs till handlingarna"),
    T("Policy för bredbandsutbyggnad {y}–{y3}", "Policyn", "antas"),
    T(
      "Svar på medborgarförslag om belysning av gångvägen vid {district}",
      "Medborgarförslaget",
      "anses besvarat",
      "avslås",
    ),
    T("Ägardirektiv för {municipality} Bostäder AB", "Ägardirektiven", "fastställs"),
    T("Klimatstrategi för {municipality} kommun {y}–{y3}", "Klimatstrategin", "antas"),
  ],
  education: [
    T("Lokalförsörjningsplan för förskoleverksamhet {y}–{y3}", "Lokalförsörjningsplanen", "godkänns", "fastställs"),
    T("Utökning av förskoleplatser i {district}", "Utökningen", "godkänns"),
    T("Skolskjutsregler inför läsåret {y}/{y1}", "Reglerna för skolskjuts", "fastställs", "antas"),
    T("Verksamhetsberättelse {py} för barn- och utbildningsnämnden", "Verksamhetsberättelsen", "godkänns"),
    T("Delårsrapport per augusti {y}", "Delårsrapporten", "godkänns", "läggs till handlingarna"),
    T("Systematiskt kvalitetsarbete – huvudmannens analys läsåret {py}/{y}", "Analysen", "godkänns"),
    T("Om- och tillbyggnad av {district}skolan", "Förstudien", "godkänns", "läggs till grund för fortsatt arbete"),
    T("Yttrande till Skolinspektionen efter tillsyn av {district}skolan", "Yttrandet", "antas som nämndens eget"),
    T("Taxa för förskola och fritidshem från och med {y1}", "Taxan", "fastställs"),
    T("Sammanslagning av {district}s förskoleområde och Torps förskoleområde", "Sammanslagningen", "godkänns"),
    T("Riktlinjer för barn- och elevadministrationen", "Riktlinjerna", "fastställs"),
    T(
      "Remiss – motion om fler lärarassistenter i grundskolan",
      "Förvaltningens tjänsteutlåtande",
      "får utgöra nämndens yttrande",
    ),
  ],
  environment: [
    T("Tillsynsplan enligt miljöbalken {y1}", "Tillsynsplanen", "fastställs"),
    T("Taxa för prövning och tillsyn inom miljöbalkens område", "Taxan", "antas", "fastställs"),
    T("Föreläggande om åtgärder vid fastigheten {district} 4:12", "Föreläggandet", "meddelas"),
    T("Kontrollplan för livsmedelskontroll {y1}–{y3}", "Kontrollplanen", "fastställs"),
    T("Yttrande över ansökan om miljötillstånd för täkt vid {district}", "Yttrandet", "antas"),
    T("Behovsutredning för miljö- och hälsoskyddsnämndens tillsyn {y1}", "Behovsutredningen", "godkänns"),
    T("Strandskyddsdispens för brygga vid {district}", "Dispensen", "beviljas"),
    T("Uppföljning av enskilda avlopp i {district}", "Uppföljningen", "läggs till handlingarna"),
  ],
  social: [
    T("Riktlinjer för ekonomiskt bistånd", "Riktlinjerna", "antas"),
    T(
      "Rapportering av ej verkställda beslut enligt SoL och LSS, kvartal {q} {y}",
      "Rapporten",
      "godkänns",
      "överlämnas till kommunfullmäktige",
    ),
    T("Tertialrapport {q} {y} för socialnämnden", "Tertialrapporten", "godkänns"),
    T("Avgifter inom äldreomsorgen {y1}", "Avgifterna", "fastställs"),
    T("Patientsäkerhetsberättelse {py}", "Patientsäkerhetsberättelsen", "godkänns"),
    T("Överenskommelse om samverkan kring barn och unga i {district}", "Överenskommelsen", "godkänns"),
    T("Plan för mottagande av nyanlända {y}", "Planen", "antas"),
    T("Uppföljning av hemtjänstens kvalitet {py}", "Uppföljningen", "läggs till handlingarna"),
  ],
  technical: [
    T("Upphandling av vinterväghållning {y1}–{y3}", "Förfrågningsunderlaget", "godkänns"),
    T("Lokala trafikföreskrifter om hastighet i {district}", "Trafikföreskrifterna", "antas"),
    T("Gång- och cykelvägsplan {y}–{y3}", "Gång- och cykelvägsplanen", "antas"),
    T("VA-taxa för {y1}", "Taxan", "fastställs"),
    T("Renovering av {district}badet – projektbeslut", "Projektet", "godkänns"),
    T("Investeringsbudget {y1} för tekniska nämnden", "Investeringsbudgeten", "fastställs"),
    T("Avfallsplan för {municipality} kommun {y}–{y3}", "Avfallsplanen", "antas"),
  ],
};

/** Standing business that every body has; these paragraphs carry no diarienummer. */
export const STANDING: readonly MatterTemplate[] = [
  { title: "Val av justerare", noun: "", verbs: [], standing: true },
  { title: "Godkännande av dagordning", noun: "", verbs: [], standing: true },
  { title: "Meddelanden", noun: "", verbs: [], standing: true },
  { title: "Anmälan om delegationsbeslut", noun: "", verbs: [], standing: true },
  { title: "Informationsärenden", noun: "", verbs: [], standing: true },
  { title: "Förvaltningschefen informerar", noun: "", verbs: [], standing: true },
  { title: "Rapporter från kurser, konferenser och verksamhetsbesök", noun: "", verbs: [], standing: true },
  { title: "Övrigt", noun: "", verbs: [], standing: true },
];

/** Titles of reports that accompany a tjänsteutlåtande as its bilagor. */
export const REPORT_TITLES = [
  "Uppföljning {y}",
  "Sammanställning av remissvar",
  "Ekonomisk kalkyl",
  "Riskbedömning",
  "Barnkonsekvensanalys",
  "Förslag till riktlinjer",
  "Kartbilaga",
  "Statistikbilaga {py}",
  "Enkätresultat {py}",
  "Tidplan för genomförande",
  "Jämförelse med andra kommuner",
  "Samrådsredogörelse",
] as const;
