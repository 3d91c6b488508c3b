import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/app-config';

/** Anything that could carry a credential is replaced before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.privateKey',
  '*.private_key',
  '*.ssh_secret_key',
  '*._secret',
];

/** `stream`: where log lines go (stdout by default; tests read them). */
export function pinoOptions(config: AppConfig, stream?: DestinationStream): Params {
  const options: Params['pinoHttp'] = {
    level: config.logLevel,
    // The id set by requestContextMiddleware, so logs and audit entries agree.
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    // Query strings can carry legacy credentials (_key, _secret): log the path only.
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        remoteAddress: req.remoteAddress,
      }),
    },
  };
  return { pinoHttp: stream ? [options, stream] : options };
}
