import { anonymousActor, ClewError, invalid, PERMISSIONS, type Actor, type Permission } from '@clew/core';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ApiTokenRow, Store, UserRow } from '@clew/store';
import { randomUUID } from 'node:crypto';
import { acceptablePassword, needsTotp } from './accounts.service.js';
import { checkPassword, decoyHash, hashPassword } from './passwords.js';
import { newSecret, newTotp, secretHash, totpValid } from './secrets.js';
import { normaliseUsername, presentUser, rolesOf, signInFailed, type UserView } from './users.js';

/** How long sign-in state lasts, and when repeated failures lock an account. */
export const AUTH_LIMITS = {
  sessionHours: 12,
  idleMinutes: 60,
  lockAfterFailures: 5,
  lockMinutes: 15,
  maxTokenDays: 365,
} as const;

/** A signed-in session: the cookie secret and the CSRF token the web client echoes in a header. */
export interface SessionGrant {
  session: string;
  csrf: string;
  expiresAt: string;
  user: UserView;
}

/** An API token as listed (the secret itself is shown once, at creation). */
export interface TokenView {
  id: string;
  name: string;
  scopes: Permission[];
  purpose: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Who a request acts as, with the session's CSRF token when it came from a cookie. */
export interface ResolvedActor {
  actor: Actor;
  csrf?: string;
}

const presentToken = (t: ApiTokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  scopes: JSON.parse(t.scopes) as Permission[],
  purpose: t.purpose,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  revokedAt: t.revoked_at,
  lastUsedAt: t.last_used_at,
});

const addMinutes = (d: Date, m: number): string => new Date(d.getTime() + m * 60_000).toISOString();

/**
 * A user actor. A user who must change a one-time password, or an administrator without a second
 * factor, acts with no role at all until they have done so: they can only finish setting up.
 */
const actorOf = (row: UserRow, scopes?: Permission[], purpose?: string | null): Actor => ({
  kind: 'user',
  userId: row.id,
  agencyId: row.agency_id,
  roles: row.must_change_password === 1 || needsTotp(row) ? [] : rolesOf(row),
  ...(scopes === undefined ? {} : { scopes }),
  ...(purpose ? { purpose } : {}),
});

/** At most this many API tokens are kept resolved (see `fromToken`); more empty the cache. */
const TOKENS_KEPT = 10_000;

interface KeptToken {
  generation: number;
  token: ApiTokenRow;
  user: UserRow;
}

/** Sign-in, sessions, second factor and API tokens. */
export class AuthService {
  private readonly tokensKept = new Map<string, KeptToken>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly access: Access,
  ) {}

  /** Record a failed sign-in: the user's id when the name is known (never the name typed, which may be a password). */
  private async failed(row: UserRow | undefined, reason: string): Promise<never> {
    await this.audit.record(anonymousActor, {
      action: 'sign-in-failure',
      targets: row ? [row.id] : [],
      outcome: 'denied',
      details: { reason },
    });
    throw signInFailed();
  }

  /**
   * Sign in with username, password and (when enrolled) a TOTP code. Unknown users, wrong passwords,
   * wrong codes, locked and disabled accounts all get the same error after the same work.
   */
  async signIn(
    input: { username: string; password: string; code?: string | undefined },
    now = new Date(),
  ): Promise<SessionGrant> {
    let username: string;
    try {
      username = normaliseUsername(input.username);
    } catch {
      await checkPassword(await decoyHash(), input.password);
      return this.failed(undefined, 'unknown user');
    }
    const row = await this.store.accounts.userByName(username);
    const passwordOk = await checkPassword(row?.password_hash ?? (await decoyHash()), input.password);
    if (!row) return this.failed(undefined, 'unknown user');
    const locked = row.locked_until !== null && row.locked_until > now.toISOString();
    const codeOk = row.totp_secret === null || totpValid(row.totp_secret, input.code ?? '', now.getTime());
    if (!passwordOk || !codeOk || locked || row.disabled === 1) {
      if (!locked && row.disabled === 0) {
        await this.store.accounts.recordFailure(
          row.id,
          AUTH_LIMITS.lockAfterFailures,
          addMinutes(now, AUTH_LIMITS.lockMinutes),
          now.toISOString(),
        );
      }
      return this.failed(
        row,
        locked ? 'locked' : row.disabled === 1 ? 'disabled' : passwordOk ? 'code' : 'password',
      );
    }
    if (row.failed_attempts > 0)
      await this.store.accounts.updateUser(row.id, { failed_attempts: 0, updated_at: now.toISOString() });
    const session = newSecret();
    const csrf = newSecret();
    const expiresAt = addMinutes(now, AUTH_LIMITS.sessionHours * 60);
    await this.store.accounts.insertSession({
      token_hash: secretHash(session),
      user_id: row.id,
      csrf_token: csrf,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    });
    await this.audit.record(actorOf(row), { action: 'sign-in', targets: [row.id] });
    return { session, csrf, expiresAt, user: presentUser(row) };
  }

  /** End a session. */
  async signOut(session: string): Promise<void> {
    await this.store.accounts.deleteSession(secretHash(session));
  }

  /** End every session of the signed-in user (sign out everywhere). */
  async endSessions(actor: Actor): Promise<void> {
    await this.store.accounts.deleteSessionsOf((await this.self(actor)).id);
    await this.audit.record(actor, { action: 'sign-out' });
  }

  /** The actor of a session cookie, or undefined when it is unknown, expired, idle or its user disabled. */
  async fromSession(session: string, now = new Date()): Promise<ResolvedActor | undefined> {
    const hash = secretHash(session);
    const s = await this.store.accounts.sessionByHash(hash);
    if (!s) return undefined;
    const iso = now.toISOString();
    if (s.expires_at <= iso || addMinutes(new Date(s.last_seen_at), AUTH_LIMITS.idleMinutes) <= iso) {
      await this.store.accounts.deleteSession(hash);
      return undefined;
    }
    const row = await this.store.accounts.userById(s.user_id);
    if (!row || row.disabled === 1) return undefined;
    if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000)
      await this.store.accounts.touchSession(hash, iso);
    return { actor: actorOf(row), csrf: s.csrf_token };
  }

  /**
   * The actor of an API token, or undefined when it is unknown, expired, revoked or its user disabled.
   * Where access may be kept (`Access.version`), the token and its user as last read are reused until
   * a write of users or tokens (revocation, roles, disabling) changes the generation.
   */
  async fromToken(token: string, now = new Date()): Promise<ResolvedActor | undefined> {
    const hash = secretHash(token);
    const generation = this.access.version;
    let kept = generation === undefined ? undefined : this.tokensKept.get(hash);
    if (kept?.generation !== generation) kept = undefined;
    const t = kept?.token ?? (await this.store.accounts.tokenByHash(hash));
    const iso = now.toISOString();
    if (!t || t.revoked_at !== null || t.expires_at <= iso) return undefined;
    const row = kept?.user ?? (await this.store.accounts.userById(t.user_id));
    if (!row || row.disabled === 1) return undefined;
    let used = t;
    if (t.last_used_at === null || now.getTime() - new Date(t.last_used_at).getTime() > 60_000) {
      await this.store.accounts.touchToken(t.id, iso);
      used = { ...t, last_used_at: iso };
    }
    if (generation !== undefined) {
      if (this.tokensKept.size >= TOKENS_KEPT) this.tokensKept.clear();
      this.tokensKept.set(hash, { generation, token: used, user: row });
    }
    return { actor: actorOf(row, JSON.parse(t.scopes) as Permission[], t.purpose) };
  }

  /** The signed-in user. */
  async me(actor: Actor): Promise<UserView> {
    return presentUser(await this.self(actor));
  }

  /** Change one's own password (required after a one-time password); other sessions end. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const row = await this.self(actor);
    if (!(await checkPassword(row.password_hash, current))) throw signInFailed();
    if (current === next)
      throw invalid('the new password must differ from the old one', { field: 'password' });
    await this.store.accounts.deleteSessionsOf(row.id);
    const passwordHash = await hashPassword(acceptablePassword(next));
    await this.access.changing(() =>
      this.store.accounts.updateUser(row.id, {
        password_hash: passwordHash,
        must_change_password: 0,
        updated_at: new Date().toISOString(),
      }),
    );
  }

  /** Start TOTP enrolment: a secret to scan; it takes effect when confirmed with a code. */
  async startTotp(actor: Actor): Promise<{ secret: string; uri: string }> {
    const row = await this.self(actor);
    if (row.totp_secret !== null) throw new ClewError('Conflict', 'a second factor is already enrolled');
    return newTotp(row.username);
  }

  /** Confirm enrolment with the secret and a current code from the app. */
  async confirmTotp(actor: Actor, secret: string, code: string, now = new Date()): Promise<void> {
    const row = await this.self(actor);
    if (!/^[A-Z2-7]{16,}$/.test(secret)) throw invalid('not a TOTP secret', { field: 'secret' });
    if (!totpValid(secret, code, now.getTime())) throw invalid('the code does not match', { field: 'code' });
    await this.access.changing(() =>
      this.store.accounts.updateUser(row.id, { totp_secret: secret, updated_at: now.toISOString() }),
    );
  }

  /** Create an API token limited to some of the user's permissions; the secret is returned once. */
  async createToken(
    actor: Actor,
    input: { name: string; scopes: readonly string[]; days: number; purpose?: string | undefined },
    now = new Date(),
  ): Promise<{ token: string; view: TokenView }> {
    const row = await this.self(actor);
    const bad = input.scopes.filter((s) => !(PERMISSIONS as readonly string[]).includes(s));
    if (bad.length > 0) throw invalid(`unknown scope "${bad.join('", "')}"`, { field: 'scopes' });
    if (!(input.days >= 1 && input.days <= AUTH_LIMITS.maxTokenDays))
      throw invalid(`a token lasts 1 to ${AUTH_LIMITS.maxTokenDays} days`, { field: 'days' });
    const id = randomUUID();
    const token = `clew_${newSecret()}`;
    const t: ApiTokenRow = {
      id,
      user_id: row.id,
      name: input.name.trim() || 'token',
      token_hash: secretHash(token),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      purpose: input.purpose?.trim() || null,
      created_at: now.toISOString(),
      expires_at: addMinutes(now, input.days * 24 * 60),
      revoked_at: null,
      last_used_at: null,
    };
    await this.store.accounts.insertToken(t);
    return { token, view: presentToken(t) };
  }

  async tokens(actor: Actor): Promise<TokenView[]> {
    return (await this.store.accounts.tokensOf((await this.self(actor)).id)).map(presentToken);
  }

  /** Revoke one of one's own tokens; someone else's does not exist. */
  async revokeToken(actor: Actor, id: string): Promise<void> {
    const row = await this.self(actor);
    const t = await this.store.accounts.tokenById(id);
    if (t?.user_id !== row.id) throw new ClewError('NotFound', 'token not found', { field: 'token' });
    await this.access.changing(() => this.store.accounts.revokeToken(id, new Date().toISOString()));
  }

  private async self(actor: Actor): Promise<UserRow> {
    const row = actor.kind === 'user' ? await this.store.accounts.userById(actor.userId) : undefined;
    if (!row) throw new ClewError('Unauthenticated', 'sign in first');
    return row;
  }
}
