import { stringify, unflatten } from 'devalue';
import { describe, expect, it } from 'vitest';
import { dataStoreModule } from '../../src/lib/data-store-module';

/** What the pages get from the module: Astro's reader unflattens its default export. */
async function storeFrom(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { default: unknown };
  return unflatten(module.default as number);
}

describe('dataStoreModule', () => {
  it('gives the pages the store Astro wrote, text as pasted from Word and WeChat included', async () => {
    // Astro writes the store as devalue's flattened JSON of a map of collections.
    const entry = {
      id: 'wang-wu',
      data: { name: '王\u3000五', motto: '“为人民服务”\u2028第二行\u2029', quote: 'a "quoted" \\ back\\slash </script><!--', zeroWidth: '张\u200b三\u00a0', lone: '\ud800' },
      body: '# 事迹\n\n![现场](./现场 1.jpg)\r\n',
      rendered: { html: '<p>见义勇为</p>', metadata: { headings: [], imagePaths: ['./现场 1.jpg'] } },
      digest: '0123456789abcdef',
    };
    const store = new Map([['officers', new Map([['wang-wu', entry]])]]);
    const code = dataStoreModule(stringify(store));
    expect(code).toBeDefined();
    expect(await storeFrom(code!)).toEqual(store);
  });

  it('is one string for Rollup to parse, not an object literal of the whole store', () => {
    const code = dataStoreModule(stringify(new Map([['units', new Map([['root', { id: 'root', data: { name: '大队' } }]])]])))!;
    expect(code).toMatch(/^export default JSON\.parse\("(?:[^"\\]|\\.)*"\);\n$/);
  });

  it('leaves a store that is not JSON to Astro, which reports the file', () => {
    expect(dataStoreModule('')).toBeUndefined();
    expect(dataStoreModule('[{"officers":1}')).toBeUndefined();
  });
});
