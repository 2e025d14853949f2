import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./database.ts";

/**
 * Who may do what. A reader reads; an editor also uploads and re-runs
 * ingestion; an admin also manages the queue and reads the audit log. Each
 * role includes the ones before it.
 */
export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A token as created: the secret is shown this once and stored only as its hash. */
export interface CreatedToken extends ApiToken {
  secret: string;
}

/** Whom a web session speaks for: a stored token, or the deployment's ARCHIVE_API_TOKEN. */
export type SessionOwner = { kind: "token"; token: ApiToken } | { kind: "env"; envTokenHash: string };

/** How long a sign-in lasts: a working day, so an official signs in once in the morning. */
export const SESSION_HOURS = 12;

const SECRET_PREFIX = "na_";
/** last_used_at is written at most this often per token, so reads do not all become writes. */
const LAST_USED_EVERY_MS = 60_000;

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/**
 * API tokens and web sessions in the archive's own database, so a backup
 * keeps them and every process (server, CLI) sees the same ones. Secrets and
 * session ids are random 256-bit values stored only as SHA-256 hashes: a
 * copy of the database does not let anyone sign in.
 */
export class AccessStore {
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(private readonly db: Db) {}

  create(name: string, role: Role): CreatedToken {
    const trimmed = name.trim();
    if (!trimmed) throw new Error("a token needs a name (whose token is it?)");
    if (!ROLES.includes(role)) throw new Error(`unknown role "${role}": use ${ROLES.join(", ")}`);
    const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
    const token: ApiToken = {
      id: `t_${randomBytes(6).toString("hex")}`,
      name: trimmed,
      role,
      createdAt: new Date().toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    this.db
      .prepare("INSERT INTO api_tokens (id, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(token.id, token.name, token.role, hashSecret(secret), token.createdAt);
    return { ...token, secret };
  }

  /**
   * Revokes a token by id, or by name when exactly one active token has it.
   * Its sessions end with it. Returns the token, or null when none matched.
   */
  revoke(idOrName: string): ApiToken | null {
    const revoke = this.db.transaction(() => {
      const token = this.find(idOrName);
      if (!token) return null;
      const at = new Date().toISOString();
      this.db.prepare("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?").run(at, token.id);
      this.db.prepare("DELETE FROM sessions WHERE token_id = ?").run(token.id);
      return this.get(token.id);
    });
    return revoke.immediate();
  }

  list(): ApiToken[] {
    const rows = this.db
      .prepare("SELECT id, name, role, created_at, revoked_at, last_used_at FROM api_tokens ORDER BY created_at, id")
      .all() as TokenRow[];
    return rows.map(fromRow);
  }

  /** True once any token is active: then this machine is no longer trusted without one. */
  hasActiveTokens(): boolean {
    return (
      this.db.prepare("SELECT EXISTS (SELECT 1 FROM api_tokens WHERE revoked_at IS NULL) AS yes").pluck().get() === 1
    );
  }

  /** The active token a secret belongs to, or null (unknown or revoked). */
  authenticate(secret: string): ApiToken | null {
    if (!secret.startsWith(SECRET_PREFIX)) return null;
    const row = this.db
      .prepare(
        "SELECT id, name, role, created_at, revoked_at, last_used_at FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL",
      )
      .get(hashSecret(secret)) as TokenRow | undefined;
    if (!row) return null;
    this.noteUse(row.id);
    return fromRow(row);
  }

  /** Starts a web session; returns the session id for the cookie (stored only as its hash). */
  startSession(owner: SessionOwner, now = new Date()): { id: string; expiresAt: Date } {
    const id = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    this.db
      .prepare(
        "INSERT INTO sessions (id_hash, token_id, env_token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(
        hashSecret(id),
        owner.kind === "token" ? owner.token.id : null,
        owner.kind === "env" ? owner.envTokenHash : null,
        now.toISOString(),
        expiresAt.toISOString(),
      );
    this.db.prepare("DELETE FROM sessions WHERE expires_at < ?").run(now.toISOString());
    return { id, expiresAt };
  }

  /** Whom a live session speaks for, or null: unknown, expired, or its token revoked. */
  session(id: string, now = new Date()): SessionOwner | null {
    const row = this.db
      .prepare(
        `SELECT s.env_token_hash, t.id, t.name, t.role, t.created_at, t.revoked_at, t.last_used_at
         FROM sessions s LEFT JOIN api_tokens t ON t.id = s.token_id
         WHERE s.id_hash = ? AND s.expires_at > ?`,
      )
      .get(hashSecret(id), now.toISOString()) as (Partial<TokenRow> & { env_token_hash: string | null }) | undefined;
    if (!row) return null;
    if (row.env_token_hash) return { kind: "env", envTokenHash: row.env_token_hash };
    if (!row.id || row.revoked_at) return null;
    this.noteUse(row.id);
    return { kind: "token", token: fromRow(row as TokenRow) };
  }

  endSession(id: string): void {
    this.db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(hashSecret(id));
  }

  private find(idOrName: string): ApiToken | null {
    const byId = this.get(idOrName);
    if (byId) return byId;
    const rows = this.db
      .prepare(
        "SELECT id, name, role, created_at, revoked_at, last_used_at FROM api_tokens WHERE name = ? AND revoked_at IS NULL",
      )
      .all(idOrName) as TokenRow[];
    if (rows.length > 1) {
      throw new Error(
        `${rows.length} active tokens are named "${idOrName}": revoke one by its id (${rows.map((r) => r.id).join(", ")})`,
      );
    }
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** One token by its id, active or revoked. */
  get(id: string): ApiToken | null {
    const row = this.db
      .prepare("SELECT id, name, role, created_at, revoked_at, last_used_at FROM api_tokens WHERE id = ?")
      .get(id) as TokenRow | undefined;
    return row ? fromRow(row) : null;
  }

  private noteUse(id: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWritten.get(id) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(id, now);
    this.db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(new Date(now).toISOString(), id);
  }
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function fromRow(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
