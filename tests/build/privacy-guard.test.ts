/**
 * The privacy guard on the finished site: it passes a clean build, and it stops a build — before
 * anything is published — when personal data, a trace of an unpublished entry or image metadata
 * reaches the output by a path the content check cannot see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildFixture, FIXTURES, listOutput } from './harness';

const letter = readFileSync(path.join(FIXTURES, 'publishing', 'content', 'letters', 'test-letter.md'), 'utf8');

/** A JPEG as a phone makes it: with a GPS position and the camera in its EXIF. */
async function photoWithGps(width = 900, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6688aa' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 54/1 0/1' } })
    .jpeg()
    .toBuffer();
}

describe('the privacy guard', () => {
  it('passes the canary fixture, and no output image carries metadata or is an original', async () => {
    const gps = await photoWithGps();
    expect((await sharp(gps).metadata()).exif).toBeDefined();
    const build = await buildFixture('publishing', {
      files: { 'content/officers/test-officer.png': await sharp(gps).png().withExif({ IFD3: { GPSLatitudeRef: 'N' } }).toBuffer(), 'content/units/root-unit.jpg': gps },
    });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('隐私检查通过');
    const images = listOutput(build.outDir).filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f));
    expect(images.length).toBeGreaterThan(3);
    for (const file of images) {
      const meta = await sharp(path.join(build.outDir, file)).metadata();
      expect([file, meta.exif, meta.xmp, meta.iptc]).toEqual([file, undefined, undefined, undefined]);
      expect(readFileSync(path.join(build.outDir, file)).equals(gps), file).toBe(false);
    }
  });

  it('stops the build already at the check when a public entry names a person who did not consent, however the name is spaced', async () => {
    const build = await buildFixture('publishing', {
      files: { 'content/letters/test-letter.md': letter.replace('测试感谢。', '感谢未同意人物 CANARY\u200bNOCONSENT。') },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('未生成网站');
    expect(build.output).toMatch(/\[unpublished-trace\] \S*letters\/test-letter\.md:8/);
    expect(build.output).toContain('出现了未公开条目 officers/canary-no-consent（未同意公开）的姓名');
    expect(build.output).toContain('consent: true');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('stops the build on a mobile number the content check cannot see (in a text file of public/)', async () => {
    const build = await buildFixture('publishing', { files: { 'public/contact.txt': '联系我们：13812345678\n' } });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('隐私检查未通过');
    expect(build.output).toContain('contact.txt：含有手机号码（138****5678）');
    expect(build.output).not.toContain('13812345678');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('stops the build already at the check on a mobile number in the site description', async () => {
    const build = await buildFixture('publishing', {
      files: { 'site.config.yaml': 'title: 测试单位荣誉榜\nurl: https://fixture.example\ndescription: 联系我们：13812345678\n' },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('未生成网站');
    expect(build.output).toMatch(/\[personal-data\] \S*site\.config\.yaml:3/);
    expect(build.output).not.toContain('13812345678');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('lets an allow-listed public number through', async () => {
    const build = await buildFixture('publishing', {
      files: { 'site.config.yaml': 'title: 测试单位荣誉榜\nurl: https://fixture.example\ndescription: 服务热线 138 1234 5678\nprivacy:\n  allow: ["13812345678"]\n' },
    });
    expect(build.status, build.output).toBe(0);
  });

  it('stops the build on an image with EXIF copied from the public folder', async () => {
    const build = await buildFixture('publishing', { files: { 'public/banner.jpg': await photoWithGps(400, 300) } });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('banner.jpg：图片带有 EXIF 元数据');
    expect(existsSync(build.outDir)).toBe(false);
  });
});
