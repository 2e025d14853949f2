/**
 * The signed-in session as this browser sees it. Signing in hands the token
 * to the server once, which answers with an HttpOnly session cookie: the
 * page never keeps the token. The navigation and the views listen here.
 */

import { deleteSession, getSession, postSignIn, type Session } from "./api/session.ts";

let current: Promise<Session> | null = null;
const listeners = new Set<(session: Session) => void>();

function publish(session: Session): void {
  current = Promise.resolve(session);
  for (const listener of listeners) listener(session);
}

/** The session, asked once and then shared; `refresh` asks again. */
export function loadSession(refresh = false): Promise<Session> {
  if (!current || refresh) {
    const asking = getSession();
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

/** Signs in with a token; rejects with ApiError (401: not valid, 429: too many tries). */
export async function signIn(token: string): Promise<Session> {
  const session = await postSignIn(token);
  publish(session);
  return session;
}

export async function signOut(): Promise<Session> {
  await deleteSession();
  return loadSession(true);
}
