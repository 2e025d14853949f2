import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let archive: TestArchive | null = null;

afterEach(async () => {
  await archive?.close();
  archive = null;
});

const RECORD = "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2020-02-20\n§ 1 Val av justerare\n";

/** Every route that changes the archive or shows what only staff may see, with the least role it needs. */
const GUARDED: {
  name: string;
  role: "editor" | "admin";
  send: (app: TestArchive["app"], auth: Auth) => request.Test;
}[] = [
  {
    name: "POST /api/documents",
    role: "editor",
    send: (app, auth) =>
      auth(request(app).post("/api/documents")).attach("file", Buffer.from(`${RECORD}${Math.random()}\n`), "p.txt"),
  },
  {
    name: "POST /api/queue/jobs/:id/retry",
    role: "editor",
    send: (app, auth) => auth(request(app).post("/api/queue/jobs/no-such-job/retry")),
  },
  { name: "GET /api/queue", role: "admin", send: (app, auth) => auth(request(app).get("/api/queue")) },
  { name: "GET /api/audit", role: "admin", send: (app, auth) => auth(request(app).get("/api/audit")) },
  { name: "GET /api/tokens", role: "admin", send: (app, auth) => auth(request(app).get("/api/tokens")) },
  {
    name: "POST /api/tokens",
    role: "admin",
    send: (app, auth) => auth(request(app).post("/api/tokens")).send({ name: "Ny kollega", role: "reader" }),
  },
  {
    name: "POST /api/tokens/:id/revoke",
    role: "admin",
    send: (app, auth) => auth(request(app).post("/api/tokens/t_000000000000/revoke")),
  },
];

type Auth = (test: request.Test) => request.Test;
const anonymous: Auth = (test) => test;
const bearer =
  (secret: string): Auth =>
  (test) =>
    test.set("Authorization", `Bearer ${secret}`);

async function withTokens(env: Record<string, string> = {}) {
  archive = await openTestArchive(env);
  const access = archive.runtime.access;
  const tokens = {
    reader: access.create("Bo Läsare", "reader"),
    editor: access.create("Cecilia Registrator", "editor"),
    admin: access.create("Dan Admin", "admin"),
    revoked: access.create("Eva Slutat", "admin"),
  };
  access.revoke(tokens.revoked.id);
  return { archive, tokens };
}

describe("every guarded route", () => {
  for (const route of GUARDED) {
    it(`${route.name}: refused without a token, with a reader's, with a revoked one; accepted with ${route.role}`, async () => {
      const { archive, tokens } = await withTokens();
      const app = archive.app;
      // supertest calls from 127.0.0.1: once tokens exist, this machine is not trusted without one.
      const none = await route.send(app, anonymous);
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe("unauthorized");
      expect((await route.send(app, bearer(tokens.reader.secret))).status).toBe(403);
      const revoked = await route.send(app, bearer(tokens.revoked.secret));
      expect(revoked.status).toBe(403);
      expect(revoked.body.error.message).toMatch(/revoked/);
      expect((await route.send(app, bearer(`${tokens.editor.secret}x`))).status).toBe(403);
      if (route.role === "admin") expect((await route.send(app, bearer(tokens.editor.secret))).status).toBe(403);

      const allowed = await route.send(app, bearer(tokens[route.role].secret));
      expect([200, 201, 202, 404]).toContain(allowed.status);
      if (allowed.status === 404) expect(allowed.body.error.message).toMatch(/no-such-job|t_000000000000/);
      expect((await route.send(app, bearer(tokens.admin.secret))).status).toBe(allowed.status);
    });
  }

  it("accept ARCHIVE_API_TOKEN as admin, and refuse this machine without it", async () => {
    const secret = "a-long-enough-deployment-token";
    const { archive } = await withTokens({ ARCHIVE_API_TOKEN: secret });
    for (const route of GUARDED) {
      expect((await route.send(archive.app, anonymous)).status, route.name).toBe(401);
      expect([200, 201, 202, 404], route.name).toContain((await route.send(archive.app, bearer(secret))).status);
    }
  });
});

describe("reading", () => {
  it("is public by default, even once tokens exist", async () => {
    const { archive } = await withTokens();
    expect((await request(archive.app).get("/api/search?q=beslut")).status).toBe(200);
    expect((await request(archive.app).get("/api/documents")).status).toBe(200);
  });

  it("needs a reader or better when ARCHIVE_PUBLIC_READ=false; health stays open", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_PUBLIC_READ: "false" });
    const app = archive.app;
    for (const path of ["/api/search?q=beslut", "/api/documents", "/api/cases?dnr=KS-2020/1", "/api/meetings"]) {
      expect((await request(app).get(path)).status, path).toBe(401);
      expect((await request(app).get(path).set("Authorization", `Bearer ${tokens.reader.secret}`)).status, path).toBe(
        200,
      );
      expect((await request(app).get(path).set("Authorization", `Bearer ${tokens.revoked.secret}`)).status, path).toBe(
        403,
      );
    }
    expect((await request(app).get("/api/health")).status).toBe(200);
    const session = await request(app).get("/api/session");
    expect(session.body).toMatchObject({ canRead: false, publicRead: false, signedIn: false });
  });
});

describe("signing in from the web UI", () => {
  function cookieOf(res: request.Response): string {
    const header = res.headers["set-cookie"] as unknown as string[] | undefined;
    const cookie = header?.find((c) => c.startsWith("archive_session="));
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
    return cookie;
  }

  it("gives an HttpOnly, SameSite=Strict cookie that writes as the token's role, and signing out ends it", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_PUBLIC_READ: "false" });
    const app = archive.app;
    const signIn = await request(app).post("/api/session").send({ token: tokens.editor.secret });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ signedIn: true, name: "Cecilia Registrator", role: "editor", canWrite: true });
    expect(JSON.stringify(signIn.body)).not.toContain(tokens.editor.secret);
    const cookie = cookieOf(signIn);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    const pair = cookie.split(";")[0] as string;

    expect((await request(app).get("/api/search?q=beslut").set("Cookie", pair)).status).toBe(200);
    const upload = await request(app)
      .post("/api/documents")
      .set("Cookie", pair)
      .set("Host", "arkiv.example.se")
      .set("Origin", "http://arkiv.example.se")
      .attach("file", Buffer.from(RECORD), "p.txt");
    expect(upload.status).toBe(202);
    // The cookie is not enough for a change another site asks for.
    const crossSite = await request(app)
      .post("/api/documents")
      .set("Cookie", pair)
      .set("Origin", "https://evil.example")
      .attach("file", Buffer.from(`${RECORD}x`), "p.txt");
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe("cross_site");
    // An editor is no admin.
    expect((await request(app).get("/api/audit").set("Cookie", pair)).status).toBe(403);

    const signOut = await request(app).delete("/api/session").set("Cookie", pair);
    expect(signOut.status).toBe(204);
    expect(cookieOf(signOut)).toMatch(/archive_session=;/);
    expect((await request(app).get("/api/search?q=beslut").set("Cookie", pair)).status).toBe(401);

    const audit = await request(app).get("/api/audit").set("Authorization", `Bearer ${tokens.admin.secret}`);
    const actions = audit.body.entries.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`);
    expect(actions).toContain(`sign-in Cecilia Registrator (${tokens.editor.id})`);
    expect(actions).toContain(`sign-out Cecilia Registrator (${tokens.editor.id})`);
  });

  it("sets Secure behind a TLS proxy the deployment trusts", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_TRUST_PROXY: "loopback" });
    const res = await request(archive.app)
      .post("/api/session")
      .set("X-Forwarded-Proto", "https")
      .send({ token: tokens.reader.secret });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toMatch(/; Secure/);
  });

  it("refuses a wrong or revoked token, logs the refusal, and a revoked token's session ends", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_PUBLIC_READ: "false" });
    const app = archive.app;
    for (const token of ["na_not-a-real-token", tokens.revoked.secret]) {
      const res = await request(app).post("/api/session").send({ token });
      expect(res.status).toBe(401);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    const signIn = await request(app).post("/api/session").send({ token: tokens.reader.secret });
    const pair = cookieOf(signIn).split(";")[0] as string;
    expect((await request(app).get("/api/documents").set("Cookie", pair)).status).toBe(200);
    archive.runtime.access.revoke(tokens.reader.id);
    expect((await request(app).get("/api/documents").set("Cookie", pair)).status).toBe(401);

    const audit = await request(app).get("/api/audit").set("Authorization", `Bearer ${tokens.admin.secret}`);
    expect(audit.body.entries.filter((e: { action: string }) => e.action === "sign-in-refused")).toHaveLength(2);
  });

  it("refuses a body that is not a small JSON token", async () => {
    archive = await openTestArchive();
    expect((await request(archive.app).post("/api/session").send({ nope: 1 })).status).toBe(400);
    const huge = await request(archive.app)
      .post("/api/session")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ token: "x".repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).not.toMatch(/node_modules|\/work\/|at .*\.ts/);
  });
});

describe("rate limits", () => {
  it("stop guessing tokens after ten sign-ins a minute from one address", async () => {
    archive = await openTestArchive();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await request(archive.app)
            .post("/api/session")
            .send({ token: `na_guess-${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await request(archive.app).post("/api/session").send({ token: "na_guess" });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limit searches per client, and a token's searches separately from its address", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_RATE_SEARCH_PER_MIN: "5" });
    const app = archive.app;
    const anonymousStatuses = [];
    for (let i = 0; i < 6; i++) anonymousStatuses.push((await request(app).get("/api/search?q=beslut")).status);
    expect(anonymousStatuses).toEqual([200, 200, 200, 200, 200, 429]);
    const withToken = await request(app)
      .get("/api/search?q=beslut")
      .set("Authorization", `Bearer ${tokens.reader.secret}`);
    expect(withToken.status).toBe(200);
  });

  it("limit uploads per client", async () => {
    const { archive, tokens } = await withTokens({ ARCHIVE_RATE_UPLOAD_PER_MIN: "2" });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(archive.app)
        .post("/api/documents")
        .set("Authorization", `Bearer ${tokens.editor.secret}`)
        .attach("file", Buffer.from(`${RECORD}${i}\n`), `p${i}.txt`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });
});

describe("tokens over the API, for admins", () => {
  it("creates a token whose secret is shown once and works at once, lists none of the secrets, and revokes it", async () => {
    const { archive, tokens } = await withTokens();
    const app = archive.app;
    const admin = { Authorization: `Bearer ${tokens.admin.secret}` };
    const created = await request(app).post("/api/tokens").set(admin).send({ name: "Greta Jurist", role: "editor" });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatchObject({ name: "Greta Jurist", role: "editor", revokedAt: null });
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^na_/);

    const upload = await request(app)
      .post("/api/documents")
      .set("Authorization", `Bearer ${secret}`)
      .attach("file", Buffer.from(`${RECORD}Greta\n`), "g.txt");
    expect(upload.status).toBe(202);

    const list = await request(app).get("/api/tokens").set(admin);
    expect(list.status).toBe(200);
    expect(list.body.tokens.map((t: { name: string }) => t.name)).toContain("Greta Jurist");
    const listed = JSON.stringify(list.body);
    for (const t of [secret, tokens.admin.secret, tokens.reader.secret]) expect(listed).not.toContain(t);

    const revoked = await request(app).post(`/api/tokens/${created.body.token.id}/revoke`).set(admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.token.revokedAt).toEqual(expect.any(String));
    expect((await request(app).get("/api/documents").set("Authorization", `Bearer ${secret}`)).status).toBe(403);

    const bad = await request(app).post("/api/tokens").set(admin).send({ name: "", role: "owner" });
    expect(bad.status).toBe(400);
    const audit = archive.runtime.audit.list(20, 0).items.filter((e) => e.action.startsWith("token-"));
    expect(audit.map((e) => `${e.action} ${e.actor}`)).toEqual([
      `token-revoke Dan Admin (${tokens.admin.id})`,
      `token-create Dan Admin (${tokens.admin.id})`,
    ]);
  });
});

describe("archive token create / revoke", () => {
  it("makes a token the running server honours at once, and revokes it", async () => {
    archive = await openTestArchive();
    const env = { ARCHIVE_DATA_DIR: archive.dir };
    const created = await runCli(["token", "create", "--role", "editor", "--name", "Frida Nämndsekreterare"], env);
    expect(created.code, created.stderr).toBe(0);
    const secret = /^(na_\S+)$/m.exec(created.stdout)?.[1] as string;
    const id = /token (t_[0-9a-f]+)/.exec(created.stdout)?.[1] as string;
    expect(secret).toBeTruthy();

    const app = archive.app;
    const upload = (token: string) =>
      request(app)
        .post("/api/documents")
        .set("Authorization", `Bearer ${token}`)
        .attach("file", Buffer.from(`${RECORD}${token}\n`), "p.txt");
    expect((await upload(secret)).status).toBe(202);
    // The token list never shows a secret.
    const list = await runCli(["token", "list"], env);
    expect(list.stdout).toContain(id);
    expect(list.stdout).not.toContain(secret);

    const revoked = await runCli(["token", "revoke", id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await upload(secret)).status).toBe(403);

    const wrongRole = await runCli(["token", "create", "--role", "owner", "--name", "x"], env);
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr).toMatch(/reader, editor, admin/);
    expect((await runCli(["token", "revoke", "t_000000000000"], env)).code).toBe(1);

    const audit = archive.runtime.audit.list(10, 0).items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["token-create", "token-revoke"]));
  });
});
