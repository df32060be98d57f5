import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/create-logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ destination, level: 'debug' }) };
}

const SECRETS = [
  'at-123-secret',
  'rt-456-secret',
  'cs-789-secret',
  'sig-abc-secret',
  'Bearer xyz-secret',
  'body-secret',
];

describe('createLogger', () => {
  it('censors tokens, secrets, signatures and bodies wherever they are logged', () => {
    const { lines, logger } = capture();
    logger.info({ accessToken: SECRETS[0], refreshToken: SECRETS[1] }, 'tokens at the top');
    logger.info({ installation: { access_token: SECRETS[0], refresh_token: SECRETS[1] } }, 'tokens one level down');
    logger.info({ config: { clientSecret: SECRETS[2] } }, 'secret');
    logger.info({ req: { headers: { 'x-hubspot-signature-v3': SECRETS[3], authorization: SECRETS[4] } } }, 'request');
    logger.info({ headers: { authorization: SECRETS[4] } }, 'outbound call');
    logger.info({ body: { email: SECRETS[5] }, rawBody: SECRETS[5] }, 'payload');
    const child = logger.child({ portalId: 42, eventId: 'e-1' });
    child.warn({ accessToken: SECRETS[0] }, 'child logger');

    const output = lines.join('');
    expect(lines).toHaveLength(7);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(11);
  });

  it('keeps the tenant and event ids an operator needs', () => {
    const { lines, logger } = capture();
    logger.child({ portalId: 42 }).info({ eventId: 'e-1', companyId: '9' }, 'assessed');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      portalId: 42,
      eventId: 'e-1',
      companyId: '9',
      msg: 'assessed',
    });
  });
});
