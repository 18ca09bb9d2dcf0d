/**
 * A synthetic unit for the benchmark: N entries with the mix and text lengths of a real one
 * (≈20% officers with portraits, 45% honours, 20% letters with scans, 10% activities, 5% stats
 * periods), references between them, and a few drafts and internal entries. Deterministic: the
 * same N gives the same files. Written to a folder of its own, never to the real content.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** Sentences in the register of the sample article, recombined into stories and citations. */
const SENTENCES = [
  '在江苏省泰州市海陵区的大街小巷，巡特警用脚步丈量平安网格。',
  '在闹市商圈，警车闪耀的警灯守护繁华。',
  '他们肩负特殊使命、进行特殊训练、完成特殊任务。',
  '队伍常年负担24小时应急值守任务，始终坚持党建引领。',
  '面对突发警情，他第一时间赶到现场，果断处置，保护了群众的生命财产安全。',
  '他冒着狂风暴雨，不怕脏不怕臭，暖心救助需要帮助的群众。',
  '在疫情防控阻击战中，他主动请缨、踊跃参战，坚守一线。',
  '工作任务进行到哪里，思想工作就跟进到哪里。',
  '他把群众的事当作自己的事，用心用情解决群众的急难愁盼。',
  '在重大安保任务中，他严守纪律、连续奋战，圆满完成任务。',
  '警务站警灯通宵闪烁，成为服务救助群众的窗口、联系警民关系的桥梁。',
  '他积极参加主题党课和党日活动，发挥党员先锋模范作用。',
  '在全市公安机关组织的职业技能竞赛中，他刻苦训练，取得优异成绩。',
  '群众专门写来感谢信，感谢民警在平凡工作中的爱心、细心、耐心。',
  '这只是自己作为一名党员应该做的事，也是每个人都会做的事。',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力志红玉兰峰波斌宇浩凯鹏飞鑫晨阳雪琳婷俊博宏祥林清岳爱押';
const HONOR_TITLES = ['个人三等功', '个人二等功', '优秀共产党员', '优秀人民警察', '先进个人', '见义勇为表彰', '岗位标兵', '优秀辅警', '嘉奖', '十佳民警'];
const COLLECTIVE_TITLES = ['集体三等功', '先进集体', '安保先进集体', '职业技能竞赛团体第一名', '青年文明号', '优秀警务站'];
const LEVELS = ['national', 'provincial', 'municipal', 'district', 'bureau', 'other'];
const LETTER_KINDS = ['letter', 'banner', 'call', 'message'];
const ACTIVITY_KINDS = ['study', 'party-day', 'security', 'volunteer', 'competition'];
const INSCRIPTIONS = ['人民卫士 情系百姓', '拾金不昧 品德高尚', '见义勇为 警民情深', '热心为民 排忧解难', '执法为民 一心为公'];
const METRICS = [
  ['incidents', '处置警情', '起'],
  ['people-checked', '核查群众', '人次'],
  ['vehicles-checked', '核查车辆', '辆次'],
  ['people-helped', '救助、服务群众', '人次'],
  ['mediations', '开展调解', '次'],
  ['banners', '收到锦旗', '面'],
  ['letters', '收到感谢信', '封'],
] as const;

/** A small deterministic random generator (mulberry32), so every run writes the same site. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSite {
  dir: string;
  counts: Record<'units' | 'officers' | 'honors' | 'letters' | 'activities' | 'stats', number>;
  /** Source images written, in bytes. */
  imageBytes: number;
  /** One entry file a benchmark may edit to measure a one-entry rebuild. */
  editableFile: string;
}

/** Writes a synthetic unit of `entries` entries (plus its units) into `dir`. */
export async function writeSyntheticSite(dir: string, entries: number): Promise<SyntheticSite> {
  const rand = random(entries);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const text = (sentences: number) => Array.from({ length: sentences }, () => pick(SENTENCES)).join('');
  const name = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '');
  const pad = (n: number) => String(n).padStart(5, '0');
  const date = (year: number) => `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const status = (i: number) => (i % 97 === 13 ? 'draft: true\n' : i % 89 === 7 ? 'visibility: internal\n' : '');
  const content = path.join(dir, 'content');
  const write = (collection: string, file: string, body: string | Buffer) => {
    mkdirSync(path.join(content, collection), { recursive: true });
    writeFileSync(path.join(content, collection, file), body);
  };

  const counts = {
    officers: Math.round(entries * 0.2),
    honors: Math.round(entries * 0.45),
    letters: Math.round(entries * 0.2),
    activities: Math.round(entries * 0.1),
    stats: 0,
    units: 0,
  };
  counts.stats = Math.max(1, entries - counts.officers - counts.honors - counts.letters - counts.activities);
  // A bureau-sized tree: one root, a brigade per 200 entries, stations under each.
  const brigades = Math.max(1, Math.round(entries / 200));
  const units: string[] = ['root'];
  write('units', 'root.md', `---\nname: 合成测试分局\nkind: brigade\nsummary: ${text(2)}\n---\n\n${text(4)}\n`);
  for (let b = 1; b <= brigades; b++) {
    const id = `brigade-${pad(b)}`;
    units.push(id);
    write('units', `${id}.md`, `---\nname: 第${b}巡特警大队\nkind: brigade\nparent: root\nsummary: ${text(1)}\n---\n\n${text(3)}\n`);
    for (let s = 1; s <= 4; s++) {
      const sid = `station-${pad(b)}-${s}`;
      units.push(sid);
      write(
        'units',
        `${sid}.md`,
        `---\nname: 第${b}大队第${s}警务工作服务站\nshortName: ${b}-${s}警务站\nkind: station\nparent: ${id}\nservices:\n  - 交通违法自助处理\n  - 救助、服务群众\n---\n\n${text(2)}\n`,
      );
    }
  }
  counts.units = units.length;

  let imageBytes = 0;
  const image = async (seed: number, width: number, height: number) => {
    // A photo-like image: smooth noise, so the encoder works as hard as on a real portrait.
    const r = random(seed);
    const raw = Buffer.alloc(width * height * 3);
    const base = [Math.floor(r() * 200), Math.floor(r() * 200), Math.floor(r() * 200)];
    for (let i = 0; i < raw.length; i++) raw[i] = (base[i % 3]! + Math.floor(r() * 56)) & 0xff;
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } }).blur(1.5).jpeg({ quality: 82 }).toBuffer();
    imageBytes += jpeg.length;
    return jpeg;
  };

  const officers: string[] = [];
  for (let i = 1; i <= counts.officers; i++) {
    const id = `officer-${pad(i)}`;
    officers.push(id);
    write('officers', `${id}.jpg`, await image(i, 600, 800));
    write(
      'officers',
      `${id}.md`,
      `---\nname: ${name()}\nrole: ${rand() < 0.7 ? 'police' : 'auxiliary'}\nunit: ${pick(units)}\npartyMember: ${rand() < 0.6}\nsummary: ${text(1)}\nphoto: ${id}.jpg\nphotoAlt: 民警工作照\ntags: [${pick(['疫情防控', '见义勇为', '救助群众', '流动党建'])}]\nconsent: ${i % 53 !== 5}\n${status(i)}---\n\n${text(8)}\n\n${text(6)}\n`,
    );
  }
  for (let i = 1; i <= counts.honors; i++) {
    const collective = rand() < 0.3;
    const recipients = collective ? `  units: [${pick(units)}]` : `  officers: [${pick(officers)}${rand() < 0.3 ? `, ${pick(officers)}` : ''}]`;
    const dated = rand() < 0.9 ? `date: ${rand() < 0.5 ? date(2015 + Math.floor(rand() * 10)) : 2015 + Math.floor(rand() * 10)}\n` : '';
    write(
      'honors',
      `honor-${pad(i)}.md`,
      `---\ntitle: ${collective ? pick(COLLECTIVE_TITLES) : pick(HONOR_TITLES)}\nscope: ${collective ? 'collective' : 'individual'}\nlevel: ${pick(LEVELS)}\nawardedBy: 泰州市公安局\n${dated}documentNo: 泰公〔${2015 + (i % 10)}〕${i}号\nrecipients:\n${recipients}\nsummary: ${text(1)}\n${status(i)}---\n\n${text(3)}\n`,
    );
  }
  for (let i = 1; i <= counts.letters; i++) {
    const id = `letter-${pad(i)}`;
    const kind = pick(LETTER_KINDS);
    write('letters', `${id}.jpg`, await image(100_000 + i, 800, 600));
    write(
      'letters',
      `${id}.md`,
      `---\nkind: ${kind}\ndate: ${date(2018 + Math.floor(rand() * 7))}\nfrom: 市民${pick([...SURNAMES])}女士\nto:\n  officers: [${pick(officers)}]\n${kind === 'banner' ? `inscription: ${pick(INSCRIPTIONS)}\n` : ''}summary: ${text(1)}\nscan: ${id}.jpg\nscanAlt: 感谢信原件照片\n${status(i)}---\n\n${text(5)}\n`,
    );
  }
  for (let i = 1; i <= counts.activities; i++) {
    write(
      'activities',
      `activity-${pad(i)}.md`,
      `---\ntitle: ${pick(['主题党课', '集中学习', '重大活动安保', '志愿服务', '技能比武'])}（第${i}期）\nkind: ${pick(ACTIVITY_KINDS)}\ndate: ${date(2019 + Math.floor(rand() * 6))}\nunit: ${pick(units)}\nhost: ${pick(officers)}\nsummary: ${text(1)}\n${status(i)}---\n\n${text(4)}\n`,
    );
  }
  // Half-year figures, unit by unit: each unit's periods go back from 2025, so every unit that
  // has two or more periods has a trend, as in a real bureau.
  for (let i = 1; i <= counts.stats; i++) {
    const unit = units[(i - 1) % units.length]!;
    const round = Math.floor((i - 1) / units.length);
    const year = 2025 - Math.floor(round / 2);
    const half = round % 2 === 0 ? ['07', '12'] : ['01', '06'];
    const metrics = METRICS.map(([key, label, unit]) => `  - { key: ${key}, label: ${label}, value: ${Math.floor(rand() * 100000)}, unit: ${unit}${rand() < 0.3 ? ', approx: over' : ''} }`).join('\n');
    write('stats', `stats-${pad(i)}.yaml`, `title: ${year}年工作数据（${half[0] === '01' ? '上' : '下'}半年）\nunit: ${unit}\nperiod: { start: ${year}-${half[0]}, end: ${year}-${half[1]} }\nmetrics:\n${metrics}\n`);
  }
  writeFileSync(path.join(dir, 'site.config.yaml'), 'title: 合成测试荣誉榜\nurl: https://bench.example\n');
  return { dir, counts, imageBytes, editableFile: path.join(content, 'honors', `honor-${pad(1)}.md`) };
}
