import { describe, expect, it } from 'vitest';
import { checkBody } from '../../../src/lib/check/body-safety';

const messages = (body: string, format: 'md' | 'mdx' = 'md') => checkBody(body, format).map((p) => [p.line, p.message]);

describe('Markdown bodies', () => {
  it('accepts plain Markdown and the harmless HTML tags', () => {
    expect(checkBody('# 标题\n\n正文，**加粗**，[链接](https://www.gov.cn/)。\n\n- 一\n- 二\n\nH<sub>2</sub>O，<mark>重点</mark><br>换行\n', 'md')).toEqual([]);
  });

  it.each([
    ['第一行\n<script>alert(1)</script>\n', 2, '正文中不能使用 <script> 标签'],
    ['<iframe src="https://x.example"></iframe>\n', 1, '正文中不能使用 <iframe> 标签'],
    ['<img src="x.jpg">\n', 1, '正文中不能使用 <img> 标签'],
    ['<span onclick="steal()">点我</span>\n', 1, '正文中的 <span> 不能带 onclick 属性'],
    ['<p style="color:red">红字</p>\n', 1, '正文中的 <p> 不能带 style 属性'],
    ['[点我](javascript:alert(1))\n', 1, '链接地址“javascript:alert(1)”不安全（只允许网址、站内路径、邮箱和电话）'],
    ['<a href=" JAVASCRIPT:alert(1)">点</a>\n', 1, '链接地址“ JAVASCRIPT:alert(1)”不安全（只允许网址、站内路径、邮箱和电话）'],
    ['![照片](./x.jpg)\n', 1, '正文中不能插入图片'],
    // The same picture written reference-style, in all three forms Markdown has.
    ['文字\n\n![照片][p]\n\n[p]: ./x.svg\n', 3, '正文中不能插入图片'],
    ['![p][]\n\n[p]: ./x.svg\n', 1, '正文中不能插入图片'],
    ['![p]\n\n[p]: ./x.svg\n', 1, '正文中不能插入图片'],
    ['![照片][p]\n\n[p]: javascript:alert(1)\n', 3, '链接地址“javascript:alert(1)”不安全（只允许网址、站内路径、邮箱和电话）'],
  ])('refuses %j', (body, line, message) => {
    expect(messages(body)).toContainEqual([line, message]);
  });
});

describe('MDX bodies', () => {
  it('accepts Markdown and harmless HTML written as MDX', () => {
    expect(checkBody('## 留言原文\n\n这是<mark>重点</mark>。<br />\n', 'mdx')).toEqual([]);
  });

  it.each([
    ["import Evil from '../evil.js'\n\n正文\n", 1, '正文中不能使用 import 或 export'],
    ['export const x = 1\n', 1, '正文中不能使用 import 或 export'],
    ['正文 {process.env.SECRET}\n', 1, '正文中不能使用 { } 表达式（JavaScript）'],
    ['<Evil />\n', 1, '正文中不能使用组件 <Evil>'],
    ['<span onClick={steal}>点</span>\n', 1, '正文中的 <span> 的属性不能使用表达式'],
    ['<script>{"alert(1)"}</script>\n', 1, '正文中不能使用 <script> 标签'],
  ])('refuses %j with its line', (body, line, message) => {
    expect(messages(body, 'mdx')).toContainEqual([line, message]);
  });

  it('explains an MDX syntax error instead of crashing', () => {
    expect(checkBody('正文 <span\n', 'mdx')[0]?.message).toMatch(/^正文无法按 MDX 读取/);
  });
});

describe('hostile sizes', () => {
  it('refuses a body over 1 MB before parsing it', () => {
    expect(messages('字'.repeat(400_000))).toEqual([[1, '正文过长（1.15 MB，上限 1 MB）']]);
  });

  it('refuses lists nested hundreds deep before parsing them (parsers slow down quadratically)', () => {
    const body = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n');
    expect(messages(body)).toEqual([[34, '正文的列表或引用嵌套太深']]);
  });

  it('refuses quotes nested too deep', () => {
    expect(messages(`${'>'.repeat(50)} 引用\n`)).toEqual([[1, '正文的列表或引用嵌套太深']]);
  });
});
