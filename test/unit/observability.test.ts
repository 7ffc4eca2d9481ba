/** The JSON logger (shared/observability.ts): what a line holds, and which lines are written at all. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '../../shared/observability.ts';

function linesOf(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

afterEach(() => vi.unstubAllEnvs());

describe('Logger', () => {
  it('writes one JSON line with Powertools’ keys, the context, the appended keys and the extra fields', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const logger = new Logger({ serviceName: 'par-test', logLevel: 'INFO' });
    logger.addContext({ functionName: 'fn', memoryLimitInMB: '1024', invokedFunctionArn: 'arn:fn', awsRequestId: 'req-1' });
    logger.appendKeys({ route: 'getUnit', count: 5n });
    const [line] = linesOf(() => logger.info('đã xong', { units: 184 }));
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'đã xong',
      service: 'par-test',
      cold_start: true,
      function_name: 'fn',
      function_memory_size: 1024,
      function_arn: 'arn:fn',
      function_request_id: 'req-1',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      route: 'getUnit',
      count: '5',
      units: 184,
    });
    expect(Date.parse(line!.timestamp as string)).not.toBeNaN();
    logger.addContext({ awsRequestId: 'req-2' });
    logger.resetKeys();
    const [next] = linesOf(() => logger.info('lần hai'));
    expect(next).toMatchObject({ cold_start: false, function_request_id: 'req-2' });
    expect(next).not.toHaveProperty('route');
  });

  it('prints an error with its name, message, stack, location and cause, also inside an object', () => {
    const logger = new Logger({ logLevel: 'INFO' });
    const error = new Error('hỏng', { cause: new TypeError('bên trong') });
    const [direct, nested] = linesOf(() => {
      logger.error('unhandled error', error);
      logger.warn('failed', { error });
    });
    for (const line of [direct, nested]) {
      expect(line!.error).toMatchObject({ name: 'Error', message: 'hỏng', cause: { name: 'TypeError', message: 'bên trong' } });
      expect((line!.error as { stack: string }).stack).toContain('Error: hỏng');
      expect((line!.error as { location: string }).location).toMatch(/observability\.test\.ts:\d+$/);
    }
  });

  it('writes nothing below its level, which comes from POWERTOOLS_LOG_LEVEL, then LOG_LEVEL, then AWS_LAMBDA_LOG_LEVEL', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', '');
    vi.stubEnv('LOG_LEVEL', '');
    vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', 'ERROR');
    const fromLambda = new Logger();
    expect(linesOf(() => fromLambda.warn('w')).length).toBe(0);
    expect(linesOf(() => fromLambda.error('e')).length).toBe(1);
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'debug');
    const fromPowertools = new Logger();
    expect(linesOf(() => fromPowertools.debug('d')).map((l) => l.level)).toEqual(['DEBUG']);
    fromPowertools.setLogLevel('SILENT');
    expect(linesOf(() => fromPowertools.error('e')).length).toBe(0);
  });
});
