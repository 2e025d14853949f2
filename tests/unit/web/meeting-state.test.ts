import { describe, expect, it } from "vitest";
import {
  bilagaLabel,
  groupMeeting,
  meetingHref,
  meetingOf,
  meetingsHref,
  parseMeetingParams,
} from "../../../web/src/meeting-state.ts";

const params = (query: string) => parseMeetingParams(new URL(`/sammantrade?${query}`, "http://x").searchParams);

describe("meeting addresses", () => {
  it("round-trips a body with å, ä, ö, spaces and a dash", () => {
    const href = meetingHref("Barn- och utbildningsnämnden", "2020-02-20");
    expect(href).toBe("/sammantrade?organ=Barn-+och+utbildningsn%C3%A4mnden&datum=2020-02-20");
    expect(params(href.split("?")[1] ?? "")).toEqual({
      body: "Barn- och utbildningsnämnden",
      date: "2020-02-20",
      offset: 0,
      badDate: false,
    });
  });

  it("lists a body's meetings without a date, and flags a date that is none", () => {
    expect(meetingsHref("Kommunstyrelsen", 20)).toBe("/sammantrade?organ=Kommunstyrelsen&offset=20");
    expect(meetingsHref()).toBe("/sammantrade");
    expect(params("organ=Kommunstyrelsen&datum=20+februari")).toMatchObject({ date: "", badDate: true });
    // Written right but not in the calendar: the archive would refuse it, so the view says so itself.
    expect(params("organ=Kommunstyrelsen&datum=2020-02-30")).toMatchObject({ date: "", badDate: true });
    expect(params("organ=Kommunstyrelsen&datum=2020-13-01")).toMatchObject({ date: "", badDate: true });
    expect(params("organ=Kommunstyrelsen&datum=2020-02-29")).toMatchObject({ date: "2020-02-29", badDate: false });
    expect(params("organ=+Kommunstyrelsen+&offset=-5")).toMatchObject({ body: "Kommunstyrelsen", offset: 0 });
  });

  it("links a record to its meeting only when it is a meeting's record with body and date", () => {
    const protocol = { type: "protokoll", body: "Kommunstyrelsen", meetingDate: "2020-02-20" };
    expect(meetingOf(protocol)).toBe(meetingHref("Kommunstyrelsen", "2020-02-20"));
    expect(meetingOf({ ...protocol, type: "bilaga" })).not.toBeNull();
    expect(meetingOf({ ...protocol, type: "tjansteutlatande" })).toBeNull();
    expect(meetingOf({ ...protocol, body: null })).toBeNull();
    expect(meetingOf({ ...protocol, meetingDate: null })).toBeNull();
  });
});

describe("a meeting's sections", () => {
  it("puts each record in its section and the bilagor beside their §", () => {
    const doc = (id: string, type: string, paragraph: number | null = null) => ({ id, type, paragraph });
    const groups = groupMeeting([
      doc("k", "kallelse"),
      doc("p", "protokoll"),
      doc("u", "protokollsutdrag"),
      doc("b1", "bilaga", 8),
      doc("b2", "bilaga", 8),
      doc("b3", "bilaga"),
      doc("t", "tjansteutlatande"),
    ]);
    expect(groups.kallelser.map((d) => d.id)).toEqual(["k"]);
    expect(groups.protokoll.map((d) => d.id)).toEqual(["p"]);
    expect(groups.utdrag.map((d) => d.id)).toEqual(["u"]);
    expect(groups.bilagor.map((d) => d.id)).toEqual(["b1", "b2", "b3"]);
    expect(groups.bilagorByParagraph.get(8)?.map((d) => d.id)).toEqual(["b1", "b2"]);
    expect(groups.other.map((d) => d.id)).toEqual(["t"]);
  });

  it("names a bilaga by its label, else by its title", () => {
    expect(bilagaLabel({ label: "8.1", title: "Protokollsanteckning", filename: "b.pdf" })).toBe("Bilaga 8.1");
    expect(bilagaLabel({ label: null, title: "Reservation", filename: "b.pdf" })).toBe("Reservation");
    expect(bilagaLabel({ label: null, title: null, filename: "b.pdf" })).toBe("b.pdf");
  });
});
