/**
 * Invented names and places, and the real institutional vocabulary of Swedish
 * local government (bodies, parties, titles). Person names are combinations of
 * common Swedish first and last names; no real record's names are copied.
 */

/** Party abbreviations with their full names, as protocols write them in reservations. */
export const PARTIES = {
  S: "Socialdemokraterna",
  M: "Moderaterna",
  SD: "Sverigedemokraterna",
  C: "Centerpartiet",
  V: "Vänsterpartiet",
  KD: "Kristdemokraterna",
  L: "Liberalerna",
  MP: "Miljöpartiet de gröna",
} as const;
export type NationalParty = keyof typeof PARTIES;

/** Full names by abbreviation, including the pre-2015 Folkpartiet and the local parties. */
export function partyName(abbr: string): string | null {
  if (abbr === "FP") return "Folkpartiet liberalerna";
  return (PARTIES as Record<string, string>)[abbr] ?? LOCAL_PARTIES.find((p) => p.abbr === abbr)?.name ?? null;
}

/** Local parties: invented, each tied to one fictional municipality by the corpus. */
export const LOCAL_PARTIES: readonly { abbr: string; name: string }[] = [
  { abbr: "DP", name: "Dalbypartiet" },
  { abbr: "HP", name: "Hembygdspartiet" },
  { abbr: "SKP", name: "Sjökustpartiet" },
  { abbr: "MED", name: "Medborgarpartiet" },
  { abbr: "BLP", name: "Bygdelistan" },
];

/** Municipality names: invented or common Swedish place names, none a real municipality. */
export const MUNICIPALITIES = [
  "Tillsby",
  "Norrvik",
  "Åsbacka",
  "Lövstad",
  "Ekeryd",
  "Björkvik",
  "Hagalund",
  "Sjöbo Strand",
  "Västerhamn",
  "Ödeby",
  "Granliden",
  "Älvsnäs",
  "Rosenlund",
  "Kvarnby",
  "Ljungdala",
  "Tallåsen",
  "Holmsund Östra",
  "Stenhamra Nya",
  "Fågelsjö",
  "Mossbacka",
  "Skogsby",
  "Vindeln Norra",
  "Järnvik",
  "Bäckaskog Södra",
  "Furuhall",
  "Lerviken",
  "Hästholmen",
  "Sandvreten",
  "Klockarby",
  "Ängsvik",
  "Myrbo",
  "Solgläntan",
  "Hultsjö",
  "Dammby",
  "Kyrkbacken",
  "Östra Malmby",
  "Runnskog",
  "Gräsö Hamn",
] as const;

/** Regions for regional bodies, also invented. */
export const REGIONS = [
  "Region Mellanland",
  "Region Nordkust",
  "Region Sjöriket",
  "Region Västmark",
  "Region Skogsland",
  "Region Älvbygden",
] as const;

/** Places within a municipality: rooms, houses, districts (used in meetings and matters). */
export const ROOMS = [
  "Sessionssalen",
  "Kommunhuset, sammanträdesrum Ekan",
  "Stadshuset, Rådssalen",
  "Kommunhuset, sal Björken",
  "Medborgarhuset, Lilla salen",
  "Stadshuset, rum Tornet",
  "Digitalt via Teams",
  "Kommunhuset, Fullmäktigesalen",
] as const;
export const DISTRICTS = [
  "Ekbacken",
  "Norra Hamnen",
  "Solbacka",
  "Tallhöjden",
  "Kvarnängen",
  "Östermalm",
  "Björkhagen",
  "Lillsjön",
  "Stationsområdet",
  "Västra Ängen",
  "Gärdet",
  "Åkerlund",
  "Sjöängen",
  "Mölnbo",
] as const;

/** Officials' titles, lowercase as protocols write them after a name. */
export const OFFICIAL_TITLES = {
  central: [
    "kommundirektör",
    "kanslidirektör",
    "säkerhetschef",
    "ekonomichef",
    "controller",
    "utredare",
    "kommunjurist",
    "kanslichef",
    "HR-chef",
    "planarkitekt",
    "samhällsbyggnadschef",
    "strateg",
  ],
  education: [
    "utbildningsdirektör",
    "förvaltningschef",
    "verksamhetschef förskola",
    "ekonomistrateg",
    "lokalplanerare",
    "kvalitetsutvecklare",
    "skolchef",
    "controller",
  ],
  environment: ["miljöchef", "miljöinspektör", "livsmedelsinspektör", "förvaltningschef", "enhetschef"],
  social: [
    "socialchef",
    "förvaltningschef",
    "enhetschef",
    "verksamhetschef",
    "medicinskt ansvarig sjuksköterska",
    "utredare",
  ],
  technical: ["teknisk chef", "gatuchef", "projektledare", "trafikingenjör", "förvaltningschef", "VA-chef"],
} as const;
export type Sector = keyof typeof OFFICIAL_TITLES;

/** Secretaries' titles. */
export const SECRETARY_TITLES = [
  "nämndsekreterare",
  "kommunsekreterare",
  "sekreterare",
  "utskottssekreterare",
] as const;
