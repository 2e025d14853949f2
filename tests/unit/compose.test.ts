import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_VARIABLES, loadConfig } from "../../indexer/config.ts";

/**
 * No Docker engine runs on the development machines, so docker-compose.yml is
 * checked here against what the program reads: its services, their
 * variables (each one the config schema knows, and together a valid config),
 * the shared volume, and the settings Redis and Meilisearch need.
 */
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  ports?: string[];
}

const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { api, worker, redis, meilisearch } = compose.services as Record<string, Service>;
const deployment = {
  ARCHIVE_API_TOKEN: "a-token-of-sixteen-chars",
  MEILI_MASTER_KEY: "a-master-key-of-32-characters-xx",
};

/** Compose's interpolation: ${X}, ${X:-default}, and ${X:?message} for a variable that must be set. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const set = env[name];
    if (set !== undefined && set !== "") return set;
    if (op === "?") throw new Error(`${name} is required: ${arg}`);
    return op === "-" ? (arg ?? "") : "";
  });
}

function environmentOf(service: Service | undefined, env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
  );
}

describe("docker-compose.yml", () => {
  it("runs the API, the workers, Redis and Meilisearch", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["api", "meilisearch", "redis", "worker"]);
  });

  it("gives the API and the workers only variables the program reads, together a valid configuration", () => {
    for (const [name, service] of [
      ["api", api],
      ["worker", worker],
    ] as const) {
      const env = environmentOf(service, deployment);
      expect(
        Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k)),
        name,
      ).toEqual([]);
      const config = loadConfig(env);
      expect(config.redisUrl, name).toBe("redis://redis:6379");
      expect(config.meiliUrl, name).toBe("http://meilisearch:7700");
      expect(config.meiliMasterKey, name).toBe(deployment.MEILI_MASTER_KEY);
      expect(service?.volumes, name).toContain(`archive-data:${config.dataDir}`);
    }
    expect(loadConfig(environmentOf(api, deployment)).apiToken).toBe(deployment.ARCHIVE_API_TOKEN);
  });

  it("refuses to start without the token and the master key", () => {
    expect(() => environmentOf(api, { MEILI_MASTER_KEY: deployment.MEILI_MASTER_KEY })).toThrow(/ARCHIVE_API_TOKEN/);
    expect(() => environmentOf(meilisearch, {})).toThrow(/MEILI_MASTER_KEY/);
  });

  it("starts the server and the worker from files that exist", () => {
    for (const service of [api, worker]) {
      const file = service?.command?.find((part) => part.endsWith(".ts"));
      expect(file && existsSync(file), JSON.stringify(service?.command)).toBe(true);
    }
    expect(worker?.command).toContain("indexer/worker/main.ts");
    // Compose's own interpolation, kept as text here.
    expect(api?.ports).toEqual([`\${PORT:-3000}:3000`]);
  });

  it("keeps Redis persistent and never evicting, as BullMQ needs", () => {
    expect(redis?.command).toEqual(expect.arrayContaining(["--appendonly", "yes", "--maxmemory-policy", "noeviction"]));
    expect(redis?.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
  });

  it("pins Meilisearch's version and keeps its data on a volume", () => {
    expect(meilisearch?.image).toMatch(/^getmeili\/meilisearch:v\d+\.\d+\.\d+$/);
    expect(redis?.image).toMatch(/:\d+\.\d+\.\d+/);
    expect(meilisearch?.volumes).toContain("meili-data:/meili_data");
    expect(Object.keys(compose.volumes).sort()).toEqual(["archive-data", "meili-data", "redis-data"]);
  });

  it("checks the health of every service that answers", () => {
    for (const [name, service] of Object.entries({ api, redis, meilisearch })) {
      expect(service?.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
  });

  it("documents every variable it sets in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    const names = new Set([...Object.keys(api?.environment ?? {}), ...Object.keys(worker?.environment ?? {})]);
    expect([...names].filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
  });
});
