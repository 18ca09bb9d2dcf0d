import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudience, readBuildTime, resolveSitePaths } from '../../src/lib/site-paths';

const root = path.resolve('/project');

describe('resolveSitePaths', () => {
  it('uses the project’s own content and config by default', () => {
    expect(resolveSitePaths(root, {})).toEqual({
      root,
      siteDir: root,
      contentDir: path.join(root, 'src', 'content'),
      configFile: path.join(root, 'site.config.yaml'),
      outDir: path.join(root, 'dist'),
      cacheDir: path.join(root, 'node_modules', '.astro', 'site'),
    });
  });

  it('reads another unit’s folder given with HONOR_ROLL_SITE', () => {
    const paths = resolveSitePaths(root, { HONOR_ROLL_SITE: 'tests/fixtures/minimal' });
    expect(paths.contentDir).toBe(path.join(root, 'tests', 'fixtures', 'minimal', 'content'));
    expect(paths.siteDir).toBe(path.join(root, 'tests', 'fixtures', 'minimal'));
    expect(paths.configFile).toBe(path.join(root, 'tests', 'fixtures', 'minimal', 'site.config.yaml'));
    expect(paths.cacheDir).toBe(path.join(root, 'node_modules', '.astro', 'minimal'));
  });

  it('builds the intranet edition into its own folder so it never overwrites the public site', () => {
    expect(resolveSitePaths(root, { HONOR_ROLL_AUDIENCE: 'internal' }).outDir).toBe(path.join(root, 'dist-internal'));
  });

  it('honours explicit output and cache folders', () => {
    const paths = resolveSitePaths(root, { HONOR_ROLL_OUT_DIR: 'out', HONOR_ROLL_CACHE_DIR: '/tmp/cache' });
    expect(paths.outDir).toBe(path.join(root, 'out'));
    expect(paths.cacheDir).toBe(path.resolve('/tmp/cache'));
  });
});

describe('readAudience', () => {
  it.each([
    [{ HONOR_ROLL_AUDIENCE: 'internal' }, 'internal'],
    [{ HONOR_ROLL_AUDIENCE: 'public' }, 'public'],
    [{ HONOR_ROLL_AUDIENCE: 'Internal' }, 'public'],
    [{}, 'public'],
  ])('reads %j as the %s audience (anything unclear is public)', (env, audience) => {
    expect(readAudience(env)).toBe(audience);
  });
});

describe('readBuildTime', () => {
  const fallback = new Date('2030-01-01T00:00:00Z');

  it('uses the real time when HONOR_ROLL_NOW is not set', () => {
    expect(readBuildTime({}, fallback)).toBe(fallback);
  });

  it('pins the build time to HONOR_ROLL_NOW', () => {
    expect(readBuildTime({ HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00' }, fallback)?.toISOString()).toBe('2026-06-01T04:00:00.000Z');
  });

  it('returns null for an unreadable HONOR_ROLL_NOW', () => {
    expect(readBuildTime({ HONOR_ROLL_NOW: 'next tuesday' }, fallback)).toBeNull();
  });
});
