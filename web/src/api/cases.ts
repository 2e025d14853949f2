/** A case (ärende): every document and § of one diarienummer, oldest first. */

import { arr, getJson, num, obj, query, str } from "./http.ts";

export interface CaseDocument {
  id: string;
  type: string;
  title: string | null;
  body: string | null;
  date: string | null;
  paragraph: number | null;
}

export interface CaseResult {
  diarienummer: string;
  documents: CaseDocument[];
}

/** Every original of the case as one ZIP, with a manifest and a cover sheet; the server logs the export. */
export function caseExportUrl(dnr: string): string {
  return `/api/cases/export?${query({ dnr })}`;
}

export async function getCase(dnr: string, signal?: AbortSignal): Promise<CaseResult> {
  const o = obj(await getJson(`/api/cases?${query({ dnr })}`, signal));
  return {
    diarienummer: str(o.diarienummer) ?? dnr,
    documents: arr(o.documents).map((value): CaseDocument => {
      const d = obj(value);
      return {
        id: str(d.id) ?? "",
        type: str(d.type) ?? "ovrigt",
        title: str(d.title),
        body: str(d.body),
        date: str(d.date),
        paragraph: num(d.paragraph),
      };
    }),
  };
}
