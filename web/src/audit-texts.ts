/** What the audit log's entries say to an official, in Swedish. Pure, so it is unit-tested in node. */

const ACTIONS: Record<string, string> = {
  export: "Export",
  download: "Nedladdning",
  "token-create": "Token skapad",
  "token-revoke": "Token återkallad",
  "sign-in": "Inloggning",
  "sign-in-refused": "Nekad inloggning",
  "sign-out": "Utloggning",
};

const ROLES: Record<string, string> = { reader: "läsare", editor: "redigerare", admin: "administratör" };

/** Unknown actions are shown as logged rather than hidden. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

const TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "2025-03-01 14:05:09", Swedish time, as officials write it. */
export function auditTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : TIME.format(at);
}

/** What an entry concerns: a line of text, and the documents or case it names, to link to. */
export interface AuditSubject {
  text: string;
  /** A case's diarienummer, for a link to the case. */
  diarienummer: string | null;
  documents: { id: string; label: string }[];
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];

export function auditSubject(action: string, detail: Record<string, unknown>): AuditSubject {
  const none: AuditSubject = { text: "", diarienummer: null, documents: [] };
  if (action === "export") {
    const ids = texts(detail.documentIds);
    // Entries from before filenames were logged name only the ids.
    const names = Array.isArray(detail.filenames) ? detail.filenames : [];
    const documents = ids.map((id, i) => ({ id, label: text(names[i]) ?? id }));
    const count = `${ids.length} ${ids.length === 1 ? "handling" : "handlingar"}`;
    const dnr = text(detail.diarienummer);
    if (dnr) return { text: `Ärende ${dnr}, ${count}`, diarienummer: dnr, documents };
    const queries = texts(detail.queries).map((q) => `”${q}”`);
    const from =
      queries.length === 0
        ? ""
        : queries.length === 1
          ? ` från sökningen ${queries[0]}`
          : ` från sökningarna ${queries.slice(0, -1).join(", ")} och ${queries.at(-1)}`;
    return { text: `Urval av ${ids.length} dokument${from}`, diarienummer: null, documents };
  }
  if (action === "download") {
    const id = text(detail.documentId);
    const filename = text(detail.filename);
    return { text: "", diarienummer: null, documents: id ? [{ id, label: filename ?? id }] : [] };
  }
  const parts: string[] = [];
  const name = text(detail.name);
  if (name) parts.push(`”${name}”`);
  const role = text(detail.role);
  if (role) parts.push(`roll: ${ROLES[role] ?? role}`);
  const address = text(detail.address);
  if (address) parts.push(`från ${address}`);
  return parts.length > 0 ? { ...none, text: parts.join(", ") } : none;
}
