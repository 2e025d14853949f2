import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Request } from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AccessStore } from "../../indexer/archive/access.ts";
import { type Db, openDatabase } from "../../indexer/archive/database.ts";
import { type AccessSettings, identify, readCookie, roleError } from "../../server/auth.ts";
import { RateLimiter } from "../../server/rate-limit.ts";

let dir: string;
let db: Db;
let access: AccessStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "auth-test-"));
  db = openDatabase(join(dir, "archive.sqlite"));
  access = new AccessStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(ip: string, headers: Record<string, string> = {}, method = "GET"): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ip,
    method,
    protocol: "http",
    socket: { remoteAddress: ip },
    get: (name: string) => lower[name.toLowerCase()],
  } as unknown as Request;
}

const open: AccessSettings = { apiToken: null, publicRead: true };
const ENV_TOKEN = "a-long-enough-test-token";

describe("without ARCHIVE_API_TOKEN or any stored token", () => {
  it("trusts this machine over IPv4 and IPv6 as admin", () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const who = identify(request(ip), access, open);
      expect(who.role, ip).toBe("admin");
      expect(who.via).toBe("loopback");
    }
  });

  it("lets another address read, and only read", () => {
    for (const ip of ["10.0.0.7", "192.168.1.20", "::ffff:10.0.0.7", "2001:db8::1"]) {
      const who = identify(request(ip), access, open);
      expect(who.role, ip).toBe("reader");
      expect(roleError(who, "reader")).toBeNull();
      expect(roleError(who, "editor")?.status).toBe(403);
    }
  });

  it("lets another address do nothing when reading is not public", () => {
    const who = identify(request("10.0.0.7"), access, { ...open, publicRead: false });
    expect(who.role).toBeNull();
    expect(roleError(who, "reader")?.status).toBe(403);
    access.create("Anna Registrator", "reader");
    // Once a token exists, signing in would help: the answer says so.
    expect(roleError(identify(request("10.0.0.7"), access, { ...open, publicRead: false }), "reader")?.status).toBe(
      401,
    );
  });
});

describe("stored tokens", () => {
  it("give their role; once one exists, this machine needs one too", () => {
    const editor = access.create("Anna Registrator", "editor");
    expect(identify(request("127.0.0.1"), access, open).via).toBe("public");
    const who = identify(request("10.0.0.7", { Authorization: `Bearer ${editor.secret}` }), access, open);
    expect(who).toMatchObject({ role: "editor", via: "token", name: "Anna Registrator", tokenId: editor.id });
    expect(roleError(who, "editor")).toBeNull();
    expect(roleError(who, "admin")?.status).toBe(403);
  });

  it("are stored only as hashes", () => {
    const token = access.create("Bo Jurist", "reader");
    const dump = JSON.stringify(db.prepare("SELECT * FROM api_tokens").all());
    expect(dump).not.toContain(token.secret);
    expect(dump).toContain(token.id);
  });

  it("stop working when revoked, and refuse even a read", () => {
    const token = access.create("Bo Jurist", "admin");
    expect(access.revoke("Bo Jurist")?.revokedAt).toEqual(expect.any(String));
    const who = identify(request("10.0.0.7", { Authorization: `Bearer ${token.secret}` }), access, open);
    expect(who.role).toBeNull();
    expect(roleError(who, "reader")?.status).toBe(403);
    // Revoked, the machine is trusted again: no active token is left.
    expect(identify(request("127.0.0.1"), access, open).role).toBe("admin");
  });

  it("end their web sessions when revoked", () => {
    const token = access.create("Cecilia Sekreterare", "editor");
    const session = access.startSession({ kind: "token", token });
    const cookie = { Cookie: `theme=dark; archive_session=${session.id}` };
    expect(identify(request("10.0.0.7", cookie), access, open)).toMatchObject({ role: "editor", via: "session" });
    access.revoke(token.id);
    expect(identify(request("10.0.0.7", cookie), access, open)).toMatchObject({ role: "reader", via: "public" });
  });

  it("sessions expire after a working day", () => {
    const token = access.create("Cecilia Sekreterare", "editor");
    const start = new Date("2026-11-27T08:00:00Z");
    const session = access.startSession({ kind: "token", token }, start);
    expect(access.session(session.id, new Date("2026-11-27T19:59:00Z"))).not.toBeNull();
    expect(access.session(session.id, new Date("2026-11-27T20:01:00Z"))).toBeNull();
  });

  it("refuses to revoke by a name two active tokens share", () => {
    access.create("Delad", "reader");
    access.create("Delad", "editor");
    expect(() => access.revoke("Delad")).toThrow(/2 active tokens/);
    expect(access.revoke("no-such-token")).toBeNull();
  });
});

describe("with ARCHIVE_API_TOKEN", () => {
  const guarded: AccessSettings = { apiToken: ENV_TOKEN, publicRead: true };

  it("needs the token even from this machine", () => {
    expect(identify(request("127.0.0.1"), access, guarded).role).toBe("reader");
    expect(identify(request("10.0.0.7", { Authorization: `Bearer ${ENV_TOKEN}` }), access, guarded).role).toBe("admin");
    const wrong = identify(
      request("10.0.0.7", { Authorization: "Bearer another-token-of-same-size" }),
      access,
      guarded,
    );
    expect(roleError(wrong, "editor")?.status).toBe(403);
    const malformed = identify(request("10.0.0.7", { Authorization: ENV_TOKEN }), access, guarded);
    expect(roleError(malformed, "reader")?.status).toBe(401);
  });

  it("a session signed in with it ends when the deployment changes the token", () => {
    const session = access.startSession({ kind: "env", envTokenHash: "0".repeat(64) });
    const who = identify(request("10.0.0.7", { Cookie: `archive_session=${session.id}` }), access, guarded);
    expect(who.via).toBe("public");
  });
});

describe("cookie-signed writes from another site", () => {
  it("are refused by their Origin, while the same site's pass", () => {
    const token = access.create("Cecilia Sekreterare", "editor");
    const { id } = access.startSession({ kind: "token", token });
    const headers = { Cookie: `archive_session=${id}`, Host: "arkiv.example.se" };
    const cross = identify(request("10.0.0.7", { ...headers, Origin: "https://evil.example" }, "POST"), access, open);
    expect(roleError(cross, "editor")?.code).toBe("cross_site");
    const same = identify(request("10.0.0.7", { ...headers, Origin: "http://arkiv.example.se" }, "POST"), access, open);
    expect(roleError(same, "editor")).toBeNull();
    const crossRead = identify(request("10.0.0.7", { ...headers, Origin: "https://evil.example" }), access, open);
    expect(roleError(crossRead, "reader")).toBeNull();
  });
});

describe("readCookie", () => {
  it("finds one cookie among many, and nothing where it is absent or empty", () => {
    expect(readCookie("a=1; archive_session=xyz; b=2", "archive_session")).toBe("xyz");
    expect(readCookie("archive_sessionx=1", "archive_session")).toBeNull();
    expect(readCookie("archive_session=", "archive_session")).toBeNull();
    expect(readCookie(undefined, "archive_session")).toBeNull();
  });
});

describe("RateLimiter", () => {
  it("allows a minute's worth at once, then one as each comes due, per key", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(20);
    expect(limiter.take("b")).toBe(0);
    now += 19_000;
    expect(limiter.take("a")).toBe(1);
    now += 1_000;
    expect(limiter.take("a")).toBe(0);
    now += 10 * 60_000;
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0, 20]);
  });
});
