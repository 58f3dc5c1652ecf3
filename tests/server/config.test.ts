/**
 * The environment, read in one place (config.ts): defaults when unset, every value validated, and a
 * bad one named in Thai and English before anything starts.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config';
import { defaultLimits } from '../../src/server/limits';

describe('readConfig', () => {
  it('has a default for everything but DATABASE_URL', () => {
    expect(readConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      distDir: './dist',
      databaseUrl: undefined,
      logLevel: 'info',
      corsOrigins: [],
      limits: defaultLimits,
      shutdownGraceMs: 30_000,
      readyTimeoutMs: 2_000,
    });
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/samut',
      DIST_DIR: '/opt/samut/dist',
      DATABASE_URL: 'postgres://samut@db:5432/samut',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://app.example.go.th, http://127.0.0.1:5173',
      PUSH_CONCURRENT_MAX: '16',
      PUSH_BYTES_MAX: '1048576',
      ENROLL_BYTES_MAX: '2048',
      DEVICE_PUSH_BURST: '10',
      DEVICE_PUSHES_PER_SECOND: '2',
      RETRY_AFTER_SECONDS: '7',
      SHUTDOWN_GRACE_MS: '5000',
      READY_TIMEOUT_MS: '500',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/var/lib/samut',
      distDir: '/opt/samut/dist',
      databaseUrl: 'postgres://samut@db:5432/samut',
      logLevel: 'warn',
      corsOrigins: ['https://app.example.go.th', 'http://127.0.0.1:5173'],
      limits: { ...defaultLimits, pushConcurrentMax: 16, pushBytesMax: 1048576, enrollBytesMax: 2048, devicePushBurst: 10, devicePushesPerSecond: 2, retryAfterSeconds: 7 },
      shutdownGraceMs: 5000,
      readyTimeoutMs: 500,
    });
  });

  it('names every bad variable at once, in Thai and English', () => {
    let error: unknown;
    try {
      readConfig({ PORT: '70000', LOG_LEVEL: 'loud', CORS_ORIGINS: 'https://ok.example,https://bad.example/path,*', PUSH_CONCURRENT_MAX: '0', READY_TIMEOUT_MS: '1e3' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split('=')[0])).toEqual(['PORT', 'LOG_LEVEL', 'CORS_ORIGINS', 'PUSH_CONCURRENT_MAX', 'READY_TIMEOUT_MS']);
    expect((error as ConfigError).message).toMatch(/^การตั้งค่าไม่ถูกต้อง \(invalid configuration\)/);
    expect(problems[0]).toMatch(/เลขพอร์ต.*port number/);
    expect(problems[2]).toContain('https://bad.example/path');
    expect(problems[2]).toContain('"*"');
  });

  it('refuses a body limit above the protocol\'s', () => {
    expect(() => readConfig({ PUSH_BYTES_MAX: String(defaultLimits.pushBytesMax + 1) })).toThrow(ConfigError);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
