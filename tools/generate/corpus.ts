/**
 * The pure content model: a corpus of records, built meeting by meeting in
 * date order across many fictional municipalities. Each meeting yields its
 * group of records (staff reports and their bilagor, kallelse, protokoll,
 * protokoll bilagor, utdrag); cases carry on to later meetings of other bodies.
 * No I/O: renderers turn the layouts into files.
 */

import { advanceCase, type Case, openCase } from "./cases.ts";
import { enterYear } from "./conventions.ts";
import { finishLayout } from "./damage.ts";
import { iso, monthOf, workday, yearOf } from "./dates.ts";
import { buildAnnex, buildUtdrag } from "./extracts.ts";
import { buildKallelse } from "./kallelse.ts";
import { STANDING } from "./matters.ts";
import { convene } from "./meeting.ts";
import { namer } from "./naming.ts";
import { type BuiltParagraph, buildParagraph } from "./paragraph.ts";
import { buildProtokoll } from "./protokoll.ts";
import { createRng, type Rng } from "./rng.ts";
import { buildTu, planTu } from "./tjansteutlatande.ts";
import { buildTuAttachment } from "./tu-bilaga.ts";
import type { GeneratedRecord, OutputFormat, TruthLink } from "./types.ts";
import { type Body, buildWorld, type Municipality } from "./world.ts";

export interface CorpusOptions {
  seed: number;
  count: number;
  /** Formats to draw from (default all: about 60% PDF, 30% DOCX, 10% TXT). */
  formats?: readonly OutputFormat[];
}

const FORMAT_WEIGHTS: Record<OutputFormat, number> = { pdf: 6, docx: 3, txt: 1 };

/** Yields records one at a time, so 100,000 of them never sit in memory together. */
export function* iterateCorpus(options: CorpusOptions): Generator<GeneratedRecord> {
  const rng = createRng(options.seed);
  // Formats come from their own stream: restricting formats leaves the content unchanged.
  const formatRng = rng.fork(1);
  const formats = (options.formats ?? ["pdf", "docx", "txt"]).map((f) => [f, FORMAT_WEIGHTS[f]] as const);
  const world = buildWorld(rng, Math.max(12, Math.min(40, Math.ceil(options.count / 300))));
  const names = namer();
  const formatDeck = deck(formatRng, formats);
  const emitted = new Set<string>();
  let left = options.count;
  while (left > 0) {
    // Municipalities take turns, so even a small corpus shows many house styles;
    // within one municipality meetings follow the calendar and cases flow forward.
    const m = rng.pick(world);
    let body = m.bodies[0];
    for (const b of m.bodies) if (body && b.nextMeeting < body.nextMeeting) body = b;
    if (!body) break;
    const group = meetingGroup(rng, m, body, names);
    const kept = group.slice(0, left);
    for (const r of kept) emitted.add(r.truth.file);
    for (const r of kept) {
      r.truth.format = formatDeck();
      r.truth.encoding = r.truth.format === "txt" ? (formatRng.chance(0.5) ? "utf-8" : "windows-1252") : null;
      r.truth.file = names.withExtension(r.truth.file, r.truth.format);
      // Each record damages its text from a stream of its own, so damage never shifts other content.
      r.layout = finishLayout(r.layout, r.truth.format, createRng(options.seed ^ hash(r.truth.file)));
    }
    for (const r of kept) {
      r.truth.links = r.truth.links.filter((l) => emitted.has(l.file));
      for (const l of r.truth.links) l.file = names.finalName(l.file);
    }
    left -= kept.length;
    yield* kept;
  }
}

/** FNV-1a: a stable number for a file name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Draws formats from shuffled decks of ten, so every ten records hold the intended mix. */
function deck(rng: Rng, formats: readonly (readonly [OutputFormat, number])[]): () => OutputFormat {
  const total = formats.reduce((sum, [, w]) => sum + w, 0);
  const cards = formats.flatMap(([f, w]) => Array.from({ length: Math.round((w / total) * 10) }, () => f));
  let hand: OutputFormat[] = [];
  return () => {
    if (hand.length === 0) hand = rng.shuffle(cards.length > 0 ? cards : formats.map(([f]) => f));
    return hand.pop() as OutputFormat;
  };
}

/** The whole corpus as an array; for small corpora and tests. */
export function buildCorpus(options: CorpusOptions): GeneratedRecord[] {
  return Array.from(iterateCorpus(options));
}

function nextMeetingDay(rng: Rng, body: Body, day: number): number {
  let next = workday(day + rng.int(body.interval[0], body.interval[1]));
  if (monthOf(next) === 7) next = workday(next + 30);
  return next;
}

/** One meeting's records, the protokoll first so a trimmed last group still holds it. */
function meetingGroup(rng: Rng, m: Municipality, body: Body, names: ReturnType<typeof namer>): GeneratedRecord[] {
  const day = body.nextMeeting;
  body.nextMeeting = nextMeetingDay(rng, body, day);
  enterYear(m, yearOf(day));
  if (yearOf(day) !== body.paragraphYear) {
    body.paragraphYear = yearOf(day);
    body.nextParagraph = 1;
  }
  const mt = convene(rng, m, body, day);
  const count = rng.int(body.paragraphs[0], body.paragraphs[1]);
  const head = STANDING.slice(0, 2).filter(() => rng.chance(0.3));
  const tail = STANDING.slice(2).filter(() => rng.chance(0.25));
  const caseCount = Math.max(1, count - head.length - tail.length);
  const cases: Case[] = body.pending.splice(0, caseCount);
  for (let tries = 0; cases.length < caseCount && tries < caseCount * 4; tries++) {
    const c = openCase(rng, m, body, day);
    // A meeting does not treat two matters of the same title.
    if (!cases.some((o) => o.title === c.title)) cases.push(c);
  }
  const slots: (Case | null)[] = [...head.map(() => null), ...cases, ...tail.map(() => null)];
  const titles = [...head.map((s) => s.title), ...cases.map((c) => c.title), ...tail.map((s) => s.title)];

  const slug = `${m.name}-${body.name}-${iso(day)}`;
  const protokollFile = names.reserve(`${slug}-protokoll`);
  const before: GeneratedRecord[] = [];
  for (const c of cases) {
    if (c.step !== 0 || c.tu || !rng.chance(0.35)) continue;
    const tu = planTu(rng, body, c, day);
    c.tu = tu;
    const caseSlug = `${m.name}-${c.no.prefix}-${c.no.year}-${c.no.number}`;
    tu.file = names.reserve(`${caseSlug}-${tu.kind}-${iso(tu.day)}`);
    for (const a of tu.attachments)
      if (rng.chance(0.6)) a.file = names.reserve(`${caseSlug}-${tu.kind}-${iso(tu.day)}-bilaga-${a.label}`);
    before.push(buildTu(rng, m, body, c, tu, tu.file));
    tu.attachments.forEach((a, i) => {
      if (a.file) before.push(buildTuAttachment(rng, m, c, tu, i, a.file));
    });
  }

  let running = 0;
  const paragraphs: BuiltParagraph[] = slots.map((c, i) => {
    const number = body.nextParagraph++;
    let k = 0;
    const nextLabel = (): string => (m.house.attachmentLabels === "paragraph" ? `${number}.${++k}` : String(++running));
    return buildParagraph({ room: mt.room, body, day, number, title: titles[i] ?? "Övrigt", case: c, nextLabel });
  });

  const after: GeneratedRecord[] = [];
  const annexLinks: TruthLink[] = [];
  for (const p of paragraphs) {
    for (const a of p.annexes) {
      if (!rng.chance(0.75)) continue;
      const file = names.reserve(`${slug}-protokoll-bilaga-${a.label}`);
      annexLinks.push({ rel: "attachment", file, paragraph: a.paragraph, label: a.label });
      after.push(buildAnnex(mt, a, file, protokollFile));
    }
  }
  const protokoll = buildProtokoll({ mt, paragraphs, file: protokollFile, annexLinks });
  if (rng.chance(0.55)) before.push(buildKallelse(mt, paragraphs, slots, names.reserve(`${slug}-kallelse`)));
  paragraphs.forEach((p, i) => {
    if (!slots[i] || !rng.chance(0.15)) return;
    const u = buildUtdrag(mt, p, names.reserve(`${slug}-protokollsutdrag-p${p.truth.number}`));
    u.truth.links.push(...annexLinks.filter((l) => l.paragraph === p.truth.number));
    after.push(u);
  });

  paragraphs.forEach((p, i) => {
    const c = slots[i];
    if (!c) return;
    c.history.push({ body, day, paragraph: p.truth.number });
    advanceCase(rng, m, c, day);
  });
  return [protokoll, ...before, ...after];
}
