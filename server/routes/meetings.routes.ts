import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { AppError, notFound } from "../errors.ts";
import { presentMeeting } from "../presenters.ts";
import { parseQuery } from "../validate.ts";

/** An ISO date that exists in the calendar: 2020-02-30 is refused, not read as March 1st. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "no such date");

const meetingsQuery = z.object({
  body: z.string().trim().min(1, "give the body (organ) of the meeting").max(200).optional(),
  date: calendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/**
 * Not part of the fixed contract. `?body=&date=`: one meeting's records;
 * `?body=`: that body's meetings, newest first; no parameters: every body's.
 */
export function meetingsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", (req, res) => {
    const { body, date, limit, offset } = parseQuery(meetingsQuery, req.query);
    if (date !== undefined) {
      if (body === undefined)
        throw new AppError(400, "invalid_parameter", "body: give the body (organ) of the meeting");
      const meeting = deps.archive.meeting(body, date);
      if (!meeting) throw notFound(`a meeting of ${body} on ${date}`);
      res.json(presentMeeting(meeting));
      return;
    }
    const page = deps.archive.meetings(body ?? null, limit, offset);
    res.json({ body: body ?? null, total: page.total, meetings: page.items });
  });
  return router;
}
