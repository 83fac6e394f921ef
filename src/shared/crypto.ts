/**
 * 国密 primitives from Node's own OpenSSL: SM3 for hashes (audit chain), SM4-CBC for personal
 * data at rest. Encrypted values are "sm4:<iv hex>:<cipher hex>".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sm3(data: string): string {
  return crypto.createHash('sm3').update(data, 'utf8').digest('hex');
}

export function sha256(data: string): string {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export class PersonalDataCipher {
  private readonly key: Buffer;
  constructor(keyHex: string) {
    if (!/^[0-9a-fA-F]{32}$/.test(keyHex)) throw new Error('SM4 key must be 32 hex characters');
    this.key = Buffer.from(keyHex, 'hex');
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const iv = crypto.randomBytes(16);
    const c = crypto.createCipheriv('sm4-cbc', this.key, iv);
    return `sm4:${iv.toString('hex')}:${Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('hex')}`;
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const [tag, ivHex, dataHex] = stored.split(':');
    if (tag !== 'sm4' || !ivHex || !dataHex) throw new Error('not an SM4 value');
    const d = crypto.createDecipheriv('sm4-cbc', this.key, Buffer.from(ivHex, 'hex'));
    return Buffer.concat([d.update(Buffer.from(dataHex, 'hex')), d.final()]).toString('utf8');
  }
}

/**
 * The key comes from SME_DATA_KEY; without it, from `<dataDir>/secret.key`, created on first
 * use (fine for one machine; production sets SME_DATA_KEY for every instance).
 */
export function loadDataKey(keyHex: string | undefined, dataDir: string): string {
  if (keyHex) return keyHex;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(16).toString('hex');
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Masks personal data for lists: 138****5678, 张*明. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****';
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
