import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { requireWriteAccess } from "../../server/auth.ts";
import { AppError } from "../../server/errors.ts";

function call(token: string | null, remoteAddress: string, authorization?: string): unknown {
  const req = {
    socket: { remoteAddress },
    get: (name: string) => (name.toLowerCase() === "authorization" ? authorization : undefined),
  } as unknown as Request;
  let passed: unknown = "not called";
  requireWriteAccess(token)(
    req,
    {} as Response,
    ((error?: unknown) => {
      passed = error;
    }) as NextFunction,
  );
  return passed;
}

describe("write access without ARCHIVE_API_TOKEN", () => {
  it("accepts this machine over IPv4 and IPv6", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
      expect(call(null, address), address).toBeUndefined();
  });

  it("refuses any other address with 403", () => {
    for (const address of ["10.0.0.7", "192.168.1.20", "::ffff:10.0.0.7", "2001:db8::1"]) {
      const error = call(null, address);
      expect(error, address).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
  });
});

describe("write access with ARCHIVE_API_TOKEN", () => {
  const token = "a-long-enough-test-token";

  it("needs the token even from this machine", () => {
    expect((call(token, "127.0.0.1") as AppError).status).toBe(401);
    expect(call(token, "10.0.0.7", `Bearer ${token}`)).toBeUndefined();
    expect((call(token, "10.0.0.7", "Bearer another-token-of-same-size") as AppError).status).toBe(403);
  });
});
