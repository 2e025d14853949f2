import { describe, expect, it } from "vitest";
import { actionLabel, auditSubject, auditTime } from "../../../web/src/audit-texts.ts";

describe("the audit log's texts", () => {
  it("names every action in Swedish, and an unknown one as logged", () => {
    expect(
      ["export", "download", "token-create", "token-revoke", "sign-in", "sign-in-refused", "sign-out"].map(actionLabel),
    ).toEqual([
      "Export",
      "Nedladdning",
      "Token skapad",
      "Token återkallad",
      "Inloggning",
      "Nekad inloggning",
      "Utloggning",
    ]);
    expect(actionLabel("reindex")).toBe("reindex");
  });

  it("shows the time as in Sweden, summer and winter", () => {
    expect(auditTime("2025-01-15T08:05:09.000Z")).toBe("2025-01-15 09:05:09");
    expect(auditTime("2025-07-01T22:30:00.000Z")).toBe("2025-07-02 00:30:00");
    expect(auditTime("not a time")).toBe("not a time");
  });

  it("says what an entry concerns: the case, the selection and its searches, the file, the token", () => {
    expect(auditSubject("export", { dnr: "ks 2020/42", diarienummer: "KS-2020/42", documentIds: ["a", "b"] })).toEqual({
      text: "Ärende KS-2020/42, 2 handlingar",
      diarienummer: "KS-2020/42",
      documents: [
        { id: "a", label: "a" },
        { id: "b", label: "b" },
      ],
    });
    expect(
      auditSubject("export", { selection: true, queries: ["a", "b"], documentIds: ["x"], filenames: ["x.pdf"] }),
    ).toMatchObject({
      text: "Urval av 1 dokument från sökningarna ”a” och ”b”",
      documents: [{ id: "x", label: "x.pdf" }],
    });
    expect(auditSubject("download", { documentId: "x", filename: "protokoll.pdf" })).toEqual({
      text: "",
      diarienummer: null,
      documents: [{ id: "x", label: "protokoll.pdf" }],
    });
    expect(auditSubject("token-create", { tokenId: 4, name: "Registrator", role: "editor" }).text).toBe(
      "”Registrator”, roll: redigerare",
    );
    expect(auditSubject("sign-in", { role: "admin", address: "10.0.0.7" }).text).toBe(
      "roll: administratör, från 10.0.0.7",
    );
    expect(auditSubject("sign-out", {}).text).toBe("");
  });
});
