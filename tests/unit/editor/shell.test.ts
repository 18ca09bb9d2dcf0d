import { describe, expect, it } from 'vitest';
import { editorShell } from '../../../src/lib/editor/shell';

describe('editorShell: the editor page', () => {
  const html = editorShell({ siteTitle: '海陵<script>alert(1)</script>荣誉榜' });

  it('has a tab for every collection, in Chinese, with 人物 selected', () => {
    const tabs = [...html.matchAll(/role="tab" id="tab-(\w+)"[^>]*aria-selected="(true|false)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2], m[3]]);
    expect(tabs).toEqual([
      ['units', 'false', '单位'],
      ['officers', 'true', '人物'],
      ['honors', 'false', '荣誉'],
      ['letters', 'false', '感谢信'],
      ['stats', 'false', '数据'],
      ['activities', 'false', '活动'],
      ['points', 'false', '积分'],
    ]);
  });

  it('has the five filters and 全部', () => {
    expect([...html.matchAll(/data-filter="([\w-]*)"[^>]*>([^<]+)</g)].map((m) => m[2])).toEqual(['全部', '草稿', '未同意公开', '内部', '定时发布', '有问题']);
  });

  it('escapes the site title', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('海陵&#60;script&#62;alert(1)&#60;/script&#62;荣誉榜');
  });

  it('loads nothing from elsewhere: no CDN, no web font', () => {
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/@import|fonts\.googleapis|font-face/);
  });
});
