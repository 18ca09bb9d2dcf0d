import { describe, expect, it } from 'vitest';
import { entryBaseId, newEntryId, personId, titleId, uniqueId } from '../../src/lib/authoring/entry-id';
import { slugWords, toPinyinSlug } from '../../src/lib/slug';

describe('personId', () => {
  it.each([
    ['王祥', 'wang-xiang'],
    ['刁爱清', 'diao-aiqing'],
    ['陈押林', 'chen-yalin'],
    ['张军强', 'zhang-junqiang'],
    // Surnames with a surname reading (多音字).
    ['单雄信', 'shan-xiongxin'],
    ['曾国藩', 'zeng-guofan'],
    ['仇英', 'qiu-ying'],
    ['解缙', 'xie-jin'],
    ['区华', 'ou-hua'],
    // Compound surnames.
    ['欧阳修', 'ouyang-xiu'],
    ['司马光', 'sima-guang'],
    // ü is written v, as pinyin input methods do.
    ['吕布', 'lv-bu'],
  ])('reads %s as %s', (name, id) => {
    expect(personId(name)).toBe(id);
  });

  it('drops characters it cannot read instead of failing (rare characters)', () => {
    expect(personId('王𠮷')).toBe('wang');
  });

  it('falls back to a plain slug for names that are not only Chinese', () => {
    expect(personId('Li Ming')).toBe('li-ming');
  });
});

describe('titleId', () => {
  it('writes every syllable as a word', () => {
    expect(titleId('个人三等功')).toBe('ge-ren-san-deng-gong');
    expect(titleId('全省优秀人民警察')).toBe('quan-sheng-you-xiu-ren-min-jing-cha');
  });

  // Long titles as units write them: at most eight syllables, cut where a word ends.
  it.each<[string, string]>([
    // Not jian-guo-70-zhou-nian-da-qing-an: 安保 is not cut after 安.
    ['建国70周年大庆安保先进集体', 'jian-guo-70-zhou-nian-da-qing'],
    ['新中国成立70周年安保维稳工作先进集体', 'xin-zhong-guo-cheng-li-70-zhou-nian'],
    ['全国公安机关爱民模范', 'quan-guo-gong-an-ji-guan-ai-min'],
    ['疫情防控期间群众满意度测评第一名', 'yi-qing-fang-kong-qi-jian-qun-zhong'],
    ['外卖小哥送来感谢信感谢东进警务站民警帮助寻回丢失钱包', 'wai-mai-xiao-ge-song-lai-gan-xie'],
    ['全市公安机关“最美警察”', 'quan-shi-gong-an-ji-guan-zui-mei'],
    // A place the dictionary does not know (泰|州|市) is one word, not cut after tai.
    ['泰州市公安局海陵分局巡特警大队东进警务工作服务站', 'tai-zhou-shi-gong-an-ju-hai-ling'],
  ])('cuts %s at a word: %s', (title, id) => {
    expect(titleId(title)).toBe(id);
  });

  it.each([
    '建国70周年大庆安保先进集体',
    '疫情防控期间群众满意度测评第一名',
    '泰州市海陵区城东街道东进社区居民',
    '在泰州务工的外地货车司机王师傅一家',
    '2020年上半年巡逻盘查技能竞赛团体第一名',
    'ICP备案和公安机关备案号的填写说明',
  ])('cuts %s where a word of the title begins, keeping as many words as fit', (title) => {
    const words = slugWords(title);
    const id = titleId(title).split('-');
    expect(id.length).toBeLessThanOrEqual(8);
    expect(id).toEqual(words.slice(0, id.length).map((w) => w.word));
    expect(words[id.length]?.startsWord).toBe(true);
    // No later word boundary would also have fitted.
    expect(words.slice(id.length + 1, 9).some((w) => w.startsWord)).toBe(false);
  });

  it('cuts between syllables, never inside one, when the first word alone is too long', () => {
    // Ten single characters the dictionary reads as one unknown word.
    expect(titleId('一二三四五六七八九十')).toBe('yi-er-san-si-wu-liu-qi-ba');
  });

  it('is the whole slug when it fits', () => {
    for (const title of ['个人三等功', '市民李女士锦旗', '2020年下半年']) expect(titleId(title)).toBe(toPinyinSlug(title));
  });

  it('reads 多音字 by their context where pinyin-pro knows the word', () => {
    expect(titleId('重庆')).toBe('chong-qing');
    expect(titleId('长安')).toBe('chang-an');
  });
});

describe('uniqueId', () => {
  it('adds -2, -3 … so an existing entry is never overwritten', () => {
    expect(uniqueId('wang-xiang', new Set(), 'officer')).toBe('wang-xiang');
    expect(uniqueId('wang-xiang', new Set(['wang-xiang']), 'officer')).toBe('wang-xiang-2');
    expect(uniqueId('wang-xiang', new Set(['wang-xiang', 'wang-xiang-2']), 'officer')).toBe('wang-xiang-3');
  });

  it('uses the fallback when the name gave no id', () => {
    expect(uniqueId('', new Set(['officer']), 'officer')).toBe('officer-2');
  });
});

describe('entryBaseId: the ids of npm run new, npm run import and the editor', () => {
  it('keeps a letter’s kind at the end, cutting a long sender at a word', () => {
    expect(entryBaseId('letters', { from: '市民李女士', kind: 'banner', date: '2020-07-01' })).toBe('2020-shi-min-li-nv-shi-jin-qi');
    expect(entryBaseId('letters', { from: '泰州市海陵区城东街道东进社区居民', kind: 'banner', date: '2020-07-01' })).toBe('2020-tai-zhou-shi-hai-ling-qu-jin-qi');
    expect(entryBaseId('letters', { from: '在泰州务工的外地货车司机王师傅一家', kind: 'letter', date: 2020 })).toBe('2020-zai-tai-zhou-wu-gong-gan-xie-xin');
    expect(entryBaseId('letters', { from: '', kind: 'call', date: '2021-03' })).toBe('2021-dian-hua-zhi-xie');
  });

  it('drops the year a title repeats, and adds the one person an honour went to', () => {
    expect(entryBaseId('stats', { title: '2020年下半年工作数据', period: { start: '2020-07', end: '2020-12' } })).toBe('2020-xia-ban-nian-gong-zuo-shu-ju');
    expect(entryBaseId('honors', { title: '个人嘉奖', date: '2021-03', recipients: { officers: ['diao-aiqing'] } })).toBe('2021-ge-ren-jia-jiang-diao-aiqing');
    expect(entryBaseId('honors', { title: '集体嘉奖', recipients: { officers: ['wang-xiang', 'diao-aiqing'] } })).toBe('ji-ti-jia-jiang');
  });

  it('adds no person who is not yet an id (a placeholder from npm run new, a half-filled form)', () => {
    expect(entryBaseId('honors', { title: '个人嘉奖', date: 2021, recipients: { officers: ['（请填写：获奖人物 id）'] } })).toBe('2021-ge-ren-jia-jiang');
  });

  it('makes the id unique among the taken ones', () => {
    expect(newEntryId('units', { name: '城东派出所' }, new Set(['cheng-dong-pai-chu-suo']))).toBe('cheng-dong-pai-chu-suo-2');
    expect(newEntryId('letters', { from: '！！', kind: 'other', date: '2020' }, new Set())).toBe('2020-qi-ta');
  });
});
