import { describe, expect, it } from 'vitest';
import { bodyImages, checkBody } from '../../../src/lib/check/body-safety';

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
    // A picture written reference-style, in all three forms Markdown has: one way of writing a picture is enough.
    ['文字\n\n![照片][p]\n\n[p]: ./x.svg\n', 3, '正文中的图片要写成 ![说明](./文件名.jpg) 的形式'],
    ['![p][]\n\n[p]: ./x.svg\n', 1, '正文中的图片要写成 ![说明](./文件名.jpg) 的形式'],
    ['![p]\n\n[p]: ./x.svg\n', 1, '正文中的图片要写成 ![说明](./文件名.jpg) 的形式'],
    ['![照片][p]\n\n[p]: javascript:alert(1)\n', 3, '链接地址“javascript:alert(1)”不安全（只允许网址、站内路径、邮箱和电话）'],
  ])('refuses %j', (body, line, message) => {
    expect(messages(body)).toContainEqual([line, message]);
  });
});

describe('pictures in a body', () => {
  it('accepts a picture next to the entry, in its folder or below, with a description; names it for the check of the file', () => {
    const body = '第一段。\n\n![民警在警务站执勤](./wang-xiang-1.jpg)\n\n![巡逻](照片/2020%20巡逻.png)\n';
    expect(checkBody(body, 'md')).toEqual([]);
    expect(bodyImages(body, 'md')).toEqual([
      { path: './wang-xiang-1.jpg', alt: '民警在警务站执勤', line: 3 },
      // Escapes decoded, as the build decodes them.
      { path: '照片/2020 巡逻.png', alt: '巡逻', line: 5 },
    ]);
    expect(checkBody('![民警执勤](./a.jpg)\n', 'mdx')).toEqual([]);
  });

  it.each([
    ['![x](../other/a.jpg)\n', '正文中的图片“../other/a.jpg”在条目文件所在文件夹之外（路径中有 ..）'],
    ['![x](./sub/../../b.jpg)\n', '正文中的图片“./sub/../../b.jpg”在条目文件所在文件夹之外（路径中有 ..）'],
    ['![x](/etc/passwd)\n', '正文中的图片“/etc/passwd”是绝对路径'],
    // Percent-encoded dots climb out as well: the address is decoded before it is judged.
    ['![x](%2e%2e/other/a.jpg)\n', '正文中的图片“%2e%2e/other/a.jpg”在条目文件所在文件夹之外（路径中有 ..）'],
    // A shared folder pasted as it is: Markdown reads its \\ as one backslash.
    ['![x](<\\\\server\\照片\\1.jpg>)\n', '正文中的图片“\\server\\照片\\1.jpg”是电脑上的文件路径，网站上的读者打不开'],
    ['![x](//evil.example/a.jpg)\n', '正文中的图片“//evil.example/a.jpg”是绝对路径'],
    ['![x](http://evil.example/track.gif)\n', '正文中的图片“http://evil.example/track.gif”是网址，不能直接显示在网站上'],
    ['![x](HTTPS://evil.example/a.jpg)\n', '正文中的图片“HTTPS://evil.example/a.jpg”是网址，不能直接显示在网站上'],
    ['![x](data:image/jpeg;base64,/9j/4AAQ)\n', '正文中的图片“data:image/jpeg;base64,/9j/4AAQ”是直接写进正文的图片数据（data:），网站无法处理'],
    ['![x](javascript:alert(1))\n', '正文中的图片“javascript:alert(1)”是网址，不能直接显示在网站上'],
    ['![x](C:/Users/办公室/照片.jpg)\n', '正文中的图片“C:/Users/办公室/照片.jpg”是电脑上的文件路径，网站上的读者打不开'],
    ['![x](<.\\照片\\1.jpg>)\n', '正文中的图片“.\\照片\\1.jpg”的路径中用了反斜杠 \\'],
    ['![x](./a.jpg?v=1)\n', '正文中的图片“./a.jpg?v=1”的文件名中有 ? 或 #'],
    ['![x](./%E0%A4%A.jpg)\n', '正文中的图片“./%E0%A4%A.jpg”不是有效的文件名'],
    ['![x](<>)\n', '正文中的图片“”不是有效的文件名'],
    ['![](./a.jpg)\n', '正文中的图片 ./a.jpg 缺少文字说明'],
    // Spaces of every width, pasted from Word or WeChat, are no description either.
    ['![\u3000\u00a0\u200b](./a.jpg)\n', '正文中的图片 ./a.jpg 缺少文字说明'],
    ['![IMG_0456.JPG](./a.jpg)\n', '正文中的图片 ./a.jpg 的文字说明“IMG_0456.JPG”只是文件名'],
    ['<img src="./a.jpg" alt="照片">\n', '正文中不能使用 <img> 标签'],
  ])('refuses %j, saying what to write instead', (body, message) => {
    const found = checkBody(body, 'md');
    expect(found.map((p) => [p.line, p.message])).toEqual([[1, message]]);
    expect(found[0]!.hint).toMatch(/!\[|正斜杠|改个名/);
  });

  it('names no refused picture as one the build will read', () => {
    expect(bodyImages('![x](../a.jpg)\n\n![x](http://e.example/a.jpg)\n\n![x](data:image/png;base64,AA)\n', 'md')).toEqual([]);
    // An empty description is refused, but the file is still one the build reads: it is checked too.
    expect(bodyImages('![](./a.jpg)\n', 'md')).toEqual([{ path: './a.jpg', alt: '', line: 1 }]);
  });

  it('leaves a placeholder description to the placeholder rule, which names it once', () => {
    expect(checkBody('![（请填写：图片的文字说明）](./a.jpg)\n', 'md')).toEqual([]);
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
