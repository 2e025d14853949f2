import { mkdirSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AccessStore, ROLES, type Role } from "../archive/access.ts";
import { openDatabase } from "../archive/database.ts";
import { SqliteAuditLog } from "../archive/sqlite-audit-log.ts";
import type { Config } from "../config.ts";

export const TOKEN_USAGE = `  token create --role ROLE --name NAME
                        make an API token (roles: ${ROLES.join(", ")}); its secret is shown once
  token revoke ID|NAME  revoke a token; its web sessions end with it
  token list            the tokens, active and revoked (never their secrets)
`;

/** `archive token ...`: tokens straight in the archive's database, for the server to honour at once. */
export function runToken(config: Config, args: string[]): number {
  const [action, ...rest] = args;
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, "archive.sqlite"));
  try {
    const access = new AccessStore(db);
    const audit = new SqliteAuditLog(db);
    const actor = `kommandoraden (${userInfo().username}@${hostname()})`;
    switch (action) {
      case "create": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { role: { type: "string" }, name: { type: "string" } },
        });
        if (positionals.length > 0) return fail(`token create takes no arguments besides --role and --name`);
        if (!values.role || !ROLES.includes(values.role as Role)) {
          return fail(`token create needs --role, one of: ${ROLES.join(", ")}`);
        }
        if (!values.name?.trim()) return fail("token create needs --name (whose token is it?)");
        const token = access.create(values.name, values.role as Role);
        audit.record("token-create", actor, { tokenId: token.id, name: token.name, role: token.role });
        process.stdout.write(
          `created ${token.role} token ${token.id} for ${token.name}\n` +
            `secret (shown only now; the archive keeps just its hash):\n${token.secret}\n`,
        );
        return 0;
      }
      case "revoke": {
        if (rest.length !== 1) return fail("token revoke takes exactly one ID or NAME");
        const token = access.revoke(rest[0] as string);
        if (!token) return fail(`no token has the id or name "${rest[0]}"`, 1);
        audit.record("token-revoke", actor, { tokenId: token.id, name: token.name, role: token.role });
        process.stdout.write(`revoked ${token.role} token ${token.id} (${token.name}) at ${token.revokedAt}\n`);
        return 0;
      }
      case "list": {
        const tokens = access.list();
        if (tokens.length === 0) process.stdout.write("no tokens\n");
        for (const t of tokens) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? "never"}`;
          process.stdout.write(`${t.id}\t${t.role}\t${t.name}\tcreated ${t.createdAt}\t${state}\n`);
        }
        return 0;
      }
      default:
        return fail(action ? `unknown token action: ${action}` : "token needs an action: create, revoke or list");
    }
  } finally {
    db.close();
  }
}

function fail(message: string, code = 2): number {
  process.stderr.write(`archive: ${message}\n`);
  return code;
}
