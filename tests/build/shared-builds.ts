/**
 * Fixture builds several test files read, each done once per test run (harness.ts sharedBuild):
 * an `astro build` costs seconds even for a small fixture, and these files would otherwise build
 * the same or nearly the same site each. A shared build merges what each file needs into one input,
 * so every file's assertions hold on it; the inputs are here, in one place, for each file to name.
 *
 * Their output is read by test files in other workers at the same time: nothing may write into it.
 * A test that builds again on top of it works on a copy (copyBuild), or leaves it untouched and
 * asserts that it did (bad-content.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildSharedFixture, FIXTURES, type BuildResult } from './harness';

const fixtureFile = (fixture: string, file: string) => readFileSync(path.join(FIXTURES, fixture, file), 'utf8');

/** A JPEG as a phone makes it: with a GPS position and the camera in its EXIF. */
export async function photoWithGps(width = 900, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6688aa' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 54/1 0/1' } })
    .jpeg()
    .toBuffer();
}

/**
 * A fontconfig with no fonts at all: share cards must not depend on the machine's fonts. Written
 * whole, then renamed, as a build in another worker may be reading it.
 */
export function noFontsConfig(): string {
  const file = path.join(os.tmpdir(), 'honor-roll-no-fonts.conf');
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>\n');
  renameSync(part, file);
  return file;
}

/**
 * The `minimal` fixture as public-pages.test.ts, site-config.test.ts, bad-content.test.ts and
 * atomic.test.ts (on a copy) read it: deployed under a sub-path with its own config (base, filing numbers, menu, and the unit's
 * images of the 公安备案 icon and the 党政机关网站标识 in its public/), and with an officer and a
 * stats file saved as Windows Notepad saves them, starting with a byte-order mark.
 */
export function buildMinimalSite(): Promise<BuildResult> {
  return buildSharedFixture('minimal', 'minimal-shared', async () => {
    const png = (background: string) => sharp({ create: { width: 20, height: 20, channels: 3, background } }).png().toBuffer();
    return {
      files: {
        'site.config.yaml': [
          'title: 子路径测试',
          'url: https://fixture.example',
          'base: /rongyu',
          'filing:',
          '  icp: 苏ICP备00000000号',
          '  psb: 苏公网安备 32120202000123号',
          '  siteCode: "3200000000"',
          '  badge:',
          '    href: https://bszs.conac.cn/sitename?method=show&id=FIXTURE',
          '    image: /dangzheng-biaoshi.png',
          'nav:',
          '  - { label: 首页, href: / }',
          '  - { label: 人物, href: /officers/ }',
        ].join('\n'),
        'public/gongan-beian.png': await png('#1f4e9c'),
        'public/dangzheng-biaoshi.png': await png('#c00000'),
        'content/officers/test-officer.md': `\uFEFF${fixtureFile('minimal', 'content/officers/test-officer.md')}`,
        'content/stats/test-period.yaml': `\uFEFF${fixtureFile('minimal', 'content/stats/test-period.yaml')}`,
      },
    };
  });
}

/**
 * The `publishing` fixture as publishing.test.ts (the public edition), sharing.test.ts and
 * privacy-guard.test.ts (the clean build) read it: deployed under a sub-path, a public number in
 * its description and privacy.allow, phone photos with their GPS position as a profile's portrait
 * (a PNG) and beside a unit, and built with no fonts on the machine (noFontsConfig).
 */
export function buildPublishingSite(): Promise<BuildResult> {
  return buildSharedFixture('publishing', 'publishing-shared', async () => {
    const gps = await photoWithGps();
    return {
      files: {
        'site.config.yaml': `${fixtureFile('publishing', 'site.config.yaml')}base: /rongyu/\ndescription: 服务热线 138 1234 5678\nprivacy:\n  allow: ["13812345678"]\n`,
        'content/officers/test-officer.png': await sharp(gps).png().withExif({ IFD3: { GPSLatitudeRef: 'N' } }).toBuffer(),
        'content/units/root-unit.jpg': gps,
      },
      env: { FONTCONFIG_FILE: noFontsConfig() },
    };
  });
}

/**
 * A copy of a shared build's folder (its site, output and cache), to build again on top of: the
 * shared output stays as the other test files read it.
 */
export function copyBuild(build: BuildResult): BuildResult {
  const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-copy-'));
  const from = path.dirname(build.outDir);
  cpSync(from, work, { recursive: true });
  const moved = (dir: string) => path.join(work, path.relative(from, dir));
  return { ...build, outDir: moved(build.outDir), siteDir: moved(build.siteDir) };
}
