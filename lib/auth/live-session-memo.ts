import { LRUCache } from "lru-cache";

/**
 * The channel on which PostgreSQL names, at commit, each user whose sessions
 * ended or whose name or email changed (migration `session_change_notify`;
 * `*` after a TRUNCATE).
 */
export const SESSIONS_CHANNEL = "gloss_sessions";

/**
 * How long a remembered session is trusted without asking PostgreSQL again,
 * even while notifications arrive: the bound on a stale answer should the
 * listening connection die without this instance noticing (a network that
 * drops packets silently until keepalive gives up).
 */
export const REMEMBER_SESSION_MS = 10_000;

export interface LiveSession {
  name: string;
  email: string;
}

type KnownUser = { session: LiveSession; expiresAt: Map<string, number> };

/**
 * Sessions this instance has found live, so that a signed-in request need
 * not read `user_sessions` every time (lib/auth/user-sessions.ts). Safe for
 * several instances because it is used only while this instance LISTENs on
 * SESSIONS_CHANNEL (over the live-update listener's connection,
 * lib/live/live-hub.ts): every sign-out, "sign out everywhere", password
 * change, account deletion or rename on any instance names the user at
 * commit, and this instance forgets them. While the connection is down
 * nothing is remembered, and everything is forgotten when it drops or comes
 * back (notifications in between are lost).
 *
 * A read that was in flight when a notification arrived is not remembered
 * (the generation moved on): its answer may predate the change.
 */
export class LiveSessionMemo {
  private readonly users = new LRUCache<string, KnownUser>({ max: 10_000, ttl: REMEMBER_SESSION_MS });
  private listening = false;
  private generation = 0;

  /** Called by the listener: true once it LISTENs, false when its connection is lost or closed. */
  setListening(listening: boolean) {
    this.listening = listening;
    this.forgetAll();
  }

  /** A notification: the user's sessions or name changed (`*`: anyone's). */
  forget(userId: string) {
    if (userId === "*") return this.forgetAll();
    this.generation += 1;
    this.users.delete(userId);
  }

  /** The live session remembered for this session and user, if any (and not past its expiry). */
  find(sessionId: string, userId: string): LiveSession | undefined {
    const known = this.users.get(userId);
    const expiresAt = known?.expiresAt.get(sessionId);
    return expiresAt !== undefined && expiresAt > Date.now() ? known!.session : undefined;
  }

  /** Taken before a read of `user_sessions`, handed back to remember() with its answer. */
  get readMark(): number {
    return this.generation;
  }

  remember(readMark: number, sessionId: string, userId: string, session: LiveSession, expiresAt: Date) {
    if (!this.listening || readMark !== this.generation) return;
    const known = this.users.get(userId);
    if (known && known.session.name === session.name && known.session.email === session.email) {
      known.expiresAt.set(sessionId, expiresAt.getTime());
    } else {
      this.users.set(userId, { session, expiresAt: new Map([[sessionId, expiresAt.getTime()]]) });
    }
  }

  private forgetAll() {
    this.generation += 1;
    this.users.clear();
  }
}

// Next bundles instrumentation (which starts the listener) and each route apart: one memo per process.
const globalForMemo = globalThis as unknown as { glossLiveSessionMemo?: LiveSessionMemo };

export function liveSessionMemo(): LiveSessionMemo {
  globalForMemo.glossLiveSessionMemo ??= new LiveSessionMemo();
  return globalForMemo.glossLiveSessionMemo;
}
