/**
 * Sign-in, sessions and lockout. Sessions are rows in the database (hashed tokens), so any app
 * instance can serve any request. Passwords are argon2id.
 */
import argon2 from 'argon2';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { randomToken, sha256 } from '../../shared/crypto.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { ROLES, type Principal, type Role } from '../access/principal.ts';

export interface AuthSettings {
  sessionHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Principal;
}

// A hash to compare against when the user does not exist, so timing does not reveal names.
let dummyHash: string | undefined;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

function toPrincipal(u: typeof users.$inferSelect): Principal {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitCode: u.unitCode,
    enterpriseId: u.enterpriseId,
    carrierId: u.carrierId,
    organisation: u.organisation,
  };
}

export async function login(
  database: Database,
  settings: AuthSettings,
  username: string,
  password: string,
  now = new Date(),
): Promise<SessionInfo> {
  const { db } = database;
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (!user) {
    dummyHash ??= await hashPassword('not-a-real-password');
    await argon2.verify(dummyHash, password);
    throw new AppError('bad_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('account_locked');
  const ok = await argon2.verify(user.passwordHash, password);
  if (!ok) {
    // One statement, so concurrent failures from several instances all count.
    const [after] = await db
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${settings.lockoutThreshold}
          then ${new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString()}::timestamptz
          else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins });
    if ((after?.failedLogins ?? 0) >= settings.lockoutThreshold) {
      await db.transaction((tx) =>
        recordAudit(tx, SYSTEM_ACTOR, 'user.locked', 'user', user.id, null, { failedLogins: after?.failedLogins }),
      );
      throw new AppError('account_locked');
    }
    throw new AppError('bad_credentials');
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
    // Housekeeping: expired sessions of this user go.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
  });
  return { token, csrfToken, expiresAt, principal: toPrincipal(user) };
}

export async function sessionFor(
  database: Database,
  token: string,
  now = new Date(),
): Promise<{ principal: Principal; csrfToken: string; expiresAt: Date } | null> {
  const rows = await database.db
    .select({ user: users, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  const row = rows[0];
  if (!row) return null;
  return { principal: toPrincipal(row.user), csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function logout(database: Database, token: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  unitCode?: string | null;
  enterpriseId?: number | null;
  carrierId?: number | null;
  organisation?: string | null;
}

export function validateNewUser(u: NewUser): void {
  const p = new Problems();
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(u.username))
    p.add('username', '用户名须为3–40位字母、数字或 _.-', 'must be 3–40 letters, digits or _.-');
  if (!ROLES.includes(u.role)) p.add('role', '未知角色', 'unknown role');
  if (u.password.length < 10) p.add('password', '密码至少10位', 'must be at least 10 characters');
  if (u.role === 'district_officer' && !u.unitCode)
    p.add('unitCode', '区县用户须指定所属区县或功能区', 'a district officer needs a district or zone');
  if (u.role === 'enterprise_user' && !u.enterpriseId)
    p.add('enterpriseId', '企业用户须关联企业', 'an enterprise user needs an enterprise');
  if (u.role === 'carrier_operator' && !u.carrierId)
    p.add('carrierId', '载体用户须关联载体', 'a carrier operator needs a carrier');
  p.throwIfAny();
}

export async function createUser(database: Database, actor: Principal | null, u: NewUser): Promise<number> {
  validateNewUser(u);
  const passwordHash = await hashPassword(u.password);
  return database.db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${u.username})`);
    if (exists)
      throw new AppError('conflict', {
        fields: [{ field: 'username', reason: { zh: '用户名已存在', en: 'this user name is taken' } }],
      });
    const [row] = await tx
      .insert(users)
      .values({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitCode: u.unitCode ?? null,
        enterpriseId: u.enterpriseId ?? null,
        carrierId: u.carrierId ?? null,
        organisation: u.organisation ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    const id = row!.id;
    await recordAudit(
      tx,
      actor ? { id: actor.userId, name: actor.username } : SYSTEM_ACTOR,
      'user.create',
      'user',
      id,
      null,
      { username: u.username, role: u.role, unitCode: u.unitCode ?? null, enterpriseId: u.enterpriseId ?? null },
    );
    return id;
  });
}
