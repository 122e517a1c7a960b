// The per-start secret: 256 random bits, compared in constant time whatever the length offered.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isSecretValid(expected: string, offered: string | undefined): boolean {
  if (offered === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(offered));
}
