import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

/** A real Redis of the suite's own: a free port, a temp dir, gone afterwards. */
export interface RedisServer {
  port: number;
  /** A URL on one of Redis's numbered databases, so each test group has a queue of its own. */
  url(db: number): string;
  /** Stops Redis as an operator would (SIGTERM: it writes its append-only file and exits), then starts it again. */
  restart(pauseMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `redis-server` (Debian's package redis-server; `npm test` installs it
 * when missing) with the settings BullMQ needs in production: persistent
 * (append-only file) and never evicting. A missing redis-server fails the
 * suite: a queue that was never tested is not a queue that works.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), "archive-redis-"));
  const port = await freePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "yes",
    "--maxmemory-policy",
    "noeviction",
  ];
  let child = await launch(args, port);
  return {
    port,
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    async restart(pauseMs = 500) {
      await stop(child);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      child = await launch(args, port);
    },
    async close() {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(args: string[], port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const failed = new Promise<never>((_resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error("redis-server is not installed: `npm test` installs it (Debian package redis-server)")
          : error,
      ),
    );
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) at start:\n${output}`)));
  });
  await Promise.race([untilPong(port), failed]);
  child.removeAllListeners("exit");
  return child;
}

async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const redis = new Redis({ port, host: "127.0.0.1", lazyConnect: true, retryStrategy: () => null });
    redis.on("error", () => {});
    try {
      await redis.connect();
      if ((await redis.ping()) === "PONG") return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      redis.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
