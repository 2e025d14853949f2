import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

const TOKEN = "a-long-enough-session-token";
let archive: TestArchive | null = null;

afterEach(async () => {
  await archive?.close();
  archive = null;
});

/** An address of this machine that is not loopback, so a request to it does not come from 127.0.0.1. */
function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === "IPv4" && !info.internal) return info.address;
  }
  return null;
}

describe("GET /api/session", () => {
  it("without ARCHIVE_API_TOKEN: this machine may write and no token is asked for", async () => {
    archive = await openTestArchive();
    const res = await request(archive.app).get("/api/session");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ canWrite: true, canAdmin: true, tokenRequired: false, via: "loopback" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it.skipIf(outsideAddress() === null)(
    "without ARCHIVE_API_TOKEN: another machine may not write, and as POST /api/documents agrees",
    async () => {
      archive = await openTestArchive();
      const address = outsideAddress() as string;
      const server = archive.app.listen(0, "0.0.0.0");
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      try {
        const base = `http://${address}:${(server.address() as AddressInfo).port}`;
        const session = await fetch(`${base}/api/session`);
        expect(await session.json()).toMatchObject({ canRead: true, canWrite: false, tokenRequired: true });
        const form = new FormData();
        form.append("file", new Blob(["Protokoll\nKommunstyrelsen\n"]), "p.txt");
        const upload = await fetch(`${base}/api/documents`, { method: "POST", body: form });
        expect(upload.status).toBe(403);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  it("with ARCHIVE_API_TOKEN: only the right bearer token may write, even from this machine", async () => {
    archive = await openTestArchive({ ARCHIVE_API_TOKEN: TOKEN });
    const anonymous = await request(archive.app).get("/api/session");
    expect(anonymous.body).toMatchObject({ canRead: true, canWrite: false, tokenRequired: true, signedIn: false });

    const right = await request(archive.app).get("/api/session").set("Authorization", `Bearer ${TOKEN}`);
    expect(right.body).toMatchObject({ canWrite: true, canAdmin: true, tokenRequired: true, signedIn: false });

    const wrong = await request(archive.app).get("/api/session").set("Authorization", `Bearer ${TOKEN}x`);
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ canRead: false, canWrite: false, tokenRequired: true });

    // The session's answer is the upload's: the right token uploads, no token is refused.
    const refused = await request(archive.app)
      .post("/api/documents")
      .attach("file", Buffer.from("Protokoll\nKommunstyrelsen\n"), "p.txt");
    expect(refused.status).toBe(401);
    const accepted = await request(archive.app)
      .post("/api/documents")
      .set("Authorization", `Bearer ${TOKEN}`)
      .attach("file", Buffer.from("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2020-02-20\n"), "p.txt");
    expect(accepted.status).toBe(202);
  });
});
