import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEncryptionKey, TokenCipher, TokenCipherError } from '../../src/store/token-cipher.ts';

const KEY = randomBytes(32);
const cipher = new TokenCipher(KEY);
const TOKEN = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';

/** Flips one bit of one base64 part of a stored value. */
function tamper(stored: string, part: 1 | 2 | 3): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[part] as string, 'base64');
  bytes[0] = (bytes[0] as number) ^ 1;
  parts[part] = bytes.toString('base64');
  return parts.join(':');
}

describe('TokenCipher', () => {
  it('decrypts what it encrypted, whatever the text', () => {
    for (const text of [TOKEN, '', 'é✓ 漢字 🚀', 'x'.repeat(10_000)]) {
      expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
      expect(cipher.decrypt(cipher.encrypt(text, 'portal:1:access_token'), 'portal:1:access_token')).toBe(text);
    }
  });

  it('stores v1:<iv>:<tag>:<ciphertext> in base64, with a fresh 12-byte IV each time', () => {
    const stored = cipher.encrypt(TOKEN);
    const [version, iv, tag, body] = stored.split(':');
    expect(version).toBe('v1');
    expect(Buffer.from(iv as string, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag as string, 'base64')).toHaveLength(16);
    expect(Buffer.from(body as string, 'base64')).toHaveLength(Buffer.byteLength(TOKEN));
    expect(stored).not.toContain(TOKEN);
    const again = cipher.encrypt(TOKEN);
    expect(again.split(':')[1]).not.toBe(iv);
    expect(again.split(':')[3]).not.toBe(body);
  });

  it('refuses an altered IV, tag or ciphertext', () => {
    const stored = cipher.encrypt(TOKEN);
    for (const part of [1, 2, 3] as const) {
      expect(() => cipher.decrypt(tamper(stored, part))).toThrow(TokenCipherError);
      expect(() => cipher.decrypt(tamper(stored, part))).toThrow(/failed authentication/);
    }
  });

  it('refuses a value encrypted under another key or for another context', () => {
    const stored = cipher.encrypt(TOKEN, 'portal:1:refresh_token');
    expect(() => new TokenCipher(randomBytes(32)).decrypt(stored, 'portal:1:refresh_token')).toThrow(
      /ENCRYPTION_KEY is not the key it was encrypted with/,
    );
    expect(() => cipher.decrypt(stored, 'portal:2:refresh_token')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(stored)).toThrow(/failed authentication/);
  });

  it('refuses values that are not in its format, without echoing them', () => {
    for (const stored of [TOKEN, 'v2:a:b:c', 'v1:a:b', 'v1:AAAA:AAAA:AAAA']) {
      expect(() => cipher.decrypt(stored)).toThrow(TokenCipherError);
    }
    expect(() => cipher.decrypt(TOKEN)).toThrow(/not in the v1:<iv>:<tag>:<ciphertext> format$/);
    expect(() => cipher.decrypt('v1:AAAA:AAAA:AAAA')).toThrow(/wrong length/);
  });

  it('takes a 32-byte key only', () => {
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes, this one has 16/);
  });
});

describe('parseEncryptionKey', () => {
  it('reads 64 hex characters and base64, standard or URL-safe, padded or not, around whitespace', () => {
    const forms = [
      KEY.toString('hex'),
      KEY.toString('hex').toUpperCase(),
      KEY.toString('base64'),
      KEY.toString('base64').replace(/=$/, ''),
      KEY.toString('base64url'),
      `  ${KEY.toString('base64')}\n`,
    ];
    for (const form of forms) expect(parseEncryptionKey(form)).toEqual(KEY);
  });

  it('explains the expected format, and never echoes the value', () => {
    const bad = [
      '',
      'correct horse battery staple!!!!', // a 32-character passphrase is not 32 random bytes
      KEY.toString('hex').slice(1),
      `${KEY.toString('hex')}00`,
      randomBytes(16).toString('base64'),
      randomBytes(48).toString('base64'),
      `${KEY.toString('base64').slice(0, 42)}!=`,
    ];
    for (const text of bad) {
      expect(() => parseEncryptionKey(text)).toThrow(
        /^ENCRYPTION_KEY must be 32 random bytes written as 64 hex characters or as 44 base64 characters; the value given \(\d+ characters\) is neither\. Generate one with: openssl rand -base64 32$/,
      );
    }
    expect(() => new TokenCipher('correct horse battery staple!!!!')).toThrow(/\(32 characters\)/);
  });
});
