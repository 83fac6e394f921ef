/**
 * The one place that reads the environment. It validates everything at start and reports
 * every problem at once, so a misconfigured instance refuses to start with a clear list.
 */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Hex SM4 key (32 hex chars) for personal data at rest; when absent a key file in dataDir is used. */
  dataKeyHex: string | undefined;
  sessionHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  seedEnterprises: number;
  seedNumber: number;
  /** Set to "false" to keep a fresh database empty on first start. */
  seedOnFirstStart: boolean;
  secureCookies: boolean;
  logLevel: string;
}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
    return fallback;
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    errors.push(`DATABASE_URL must start with postgres:// or postgresql://`);
  const dataKeyHex = env.SME_DATA_KEY || undefined;
  if (dataKeyHex && !/^[0-9a-fA-F]{32}$/.test(dataKeyHex))
    errors.push('SME_DATA_KEY must be 32 hexadecimal characters (a 128-bit SM4 key)');
  const cfg: Config = {
    port: int(env, 'PORT', 3000, 0, 65535, errors),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.SME_DATA_DIR || 'data'),
    dataKeyHex,
    sessionHours: int(env, 'SME_SESSION_HOURS', 8, 1, 24 * 30, errors),
    lockoutThreshold: int(env, 'SME_LOCKOUT_THRESHOLD', 5, 1, 100, errors),
    lockoutMinutes: int(env, 'SME_LOCKOUT_MINUTES', 15, 1, 24 * 60, errors),
    seedEnterprises: int(env, 'SME_SEED_ENTERPRISES', 20000, 0, 5_000_000, errors),
    seedNumber: int(env, 'SME_SEED', 2025, 0, 2 ** 31 - 1, errors),
    seedOnFirstStart: env.SME_SEED_ON_START !== 'false',
    secureCookies: env.SME_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL || 'info',
  };
  if (errors.length) {
    throw new Error('Configuration problems:\n' + errors.map((e) => '  - ' + e).join('\n'));
  }
  return cfg;
}
