/**
 * The check-in QR code: a one-time token per enrolment, "<enrolment id>.<nonce>.<HMAC>", signed
 * with a key derived from the platform's data key, so a token cannot be forged or guessed from an
 * enrolment id. "One time": the first check-in stamps the enrolment; the same token afterwards only
 * reports that it was already used.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';

export function checkinKey(dataKeyHex: string): Buffer {
  return crypto.createHmac('sha256', Buffer.from(dataKeyHex, 'hex')).update('sme-ladder/events/check-in/v1').digest();
}

function mac(key: Buffer, enrolmentId: number, nonce: string): string {
  return crypto.createHmac('sha256', key).update(`${enrolmentId}.${nonce}`).digest('base64url').slice(0, 32);
}

export function newNonce(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export function signCheckinToken(key: Buffer, enrolmentId: number, nonce: string): string {
  return `${enrolmentId}.${nonce}.${mac(key, enrolmentId, nonce)}`;
}

/** The enrolment and nonce of a well-signed token, or null (the nonce is then compared with the row's). */
export function readCheckinToken(key: Buffer, token: string): { enrolmentId: number; nonce: string } | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const enrolmentId = Number(m[1]);
  const expected = Buffer.from(mac(key, enrolmentId, m[2]!));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { enrolmentId, nonce: m[2]! };
}

/** The URL an organiser's phone opens by scanning the code. */
export function checkinUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/events/check-in?t=${encodeURIComponent(token)}`;
}

export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
