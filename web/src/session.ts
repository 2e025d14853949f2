/**
 * Write access as this browser tab sees it: the API token an official pasted
 * (kept in sessionStorage, so it leaves with the tab) and the server's answer
 * to "may I upload?". The navigation and the upload view both listen.
 */

import { getSession, type Session } from "./api/uploads.ts";

const TOKEN_KEY = "namndarkivet.apiToken";

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token lasts until the page is reloaded.
  }
  memoryToken = token;
}

let memoryToken: string | null = null;
let current: Promise<Session> | null = null;
const listeners = new Set<(session: Session) => void>();

export function currentToken(): string | null {
  return storedToken() ?? memoryToken;
}

/** The session, asked once and then shared; `refresh` asks again. */
export function loadSession(refresh = false): Promise<Session> {
  if (!current || refresh) {
    const asking = getSession(currentToken());
    current = asking;
    asking.then(
      (session) => {
        if (current === asking) for (const listener of listeners) listener(session);
      },
      () => {
        if (current === asking) current = null;
      },
    );
  }
  return current;
}

export function onSessionChange(listener: (session: Session) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks whether a token opens the archive for writing; keeps it only if it does. */
export async function tryToken(token: string): Promise<Session> {
  const session = await getSession(token);
  if (session.canWrite) {
    storeToken(token);
    current = Promise.resolve(session);
    for (const listener of listeners) listener(session);
  }
  return session;
}

export function forgetToken(): Promise<Session> {
  storeToken(null);
  return loadSession(true);
}
