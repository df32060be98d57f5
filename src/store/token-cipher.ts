import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12; // GCM's native nonce size (NIST SP 800-38D §8.2): random per value
const TAG_BYTES = 16;
const VERSION = 'v1';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** A stored value that cannot be decrypted: another key, or altered. Never carries the value. */
export class TokenCipherError extends Error {
  override name = 'TokenCipherError';
}

/**
 * Turns ENCRYPTION_KEY into the 32-byte AES-256 key. Accepts 64 hex characters or base64 (standard or URL-safe,
 * padded or not) of exactly 32 bytes; the error explains the format and never echoes the key.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (HEX_KEY.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (BASE64_KEY.test(trimmed)) key = Buffer.from(trimmed, 'base64'); // Node decodes both base64 alphabets
  if (key?.length !== KEY_BYTES) {
    throw new TokenCipherError(
      `ENCRYPTION_KEY must be ${KEY_BYTES} random bytes written as 64 hex characters or as 44 base64 characters; ` +
        `the value given (${trimmed.length} characters) is neither. Generate one with: openssl rand -base64 32`,
    );
  }
  return key;
}

/**
 * AES-256-GCM for tokens at rest: `v1:<iv>:<tag>:<ciphertext>`, each part base64. The optional context (e.g.
 * `portal:42:refresh_token`) is authenticated, so a value copied into another row or column does not decrypt.
 */
export class TokenCipher {
  readonly #key: Buffer;

  constructor(key: string | Buffer) {
    if (typeof key === 'string') this.#key = parseEncryptionKey(key);
    else if (key.length === KEY_BYTES) this.#key = Buffer.from(key);
    else throw new TokenCipherError(`an AES-256 key is ${KEY_BYTES} bytes, this one has ${key.length}`);
  }

  encrypt(plain: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(stored: string, context = ''): string {
    const parts = stored.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new TokenCipherError(`a stored token is not in the ${VERSION}:<iv>:<tag>:<ciphertext> format`);
    }
    const iv = Buffer.from(parts[1] as string, 'base64');
    const tag = Buffer.from(parts[2] as string, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new TokenCipherError('a stored token has an IV or authentication tag of the wrong length');
    }
    const decipher = createDecipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(parts[3] as string, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new TokenCipherError(
        'a stored token failed authentication: ENCRYPTION_KEY is not the key it was encrypted with, or the value was altered',
      );
    }
  }
}
