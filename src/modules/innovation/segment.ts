/**
 * Chinese word segmentation for the technology catalogues: jieba (search mode, so "数控机床"
 * also yields "数控" and "机床") with a domain dictionary of Jinan's industries and the policy's
 * terms, a stop list of words every catalogue entry uses ("技术", "研究", "一种"…), and the two
 * literals the database ranks with: a `tsvector` whose lexemes are the words themselves (title
 * words weighted A, body words D) and an OR-ed `tsquery`. Lexemes are restricted to Han
 * characters, Latin letters and digits, so the literals need no escaping.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Domain words jieba must keep whole (frequency high enough to win over splits). */
export const DOMAIN_WORDS = [
  '专精特新',
  '小巨人',
  '单项冠军',
  '瞪羚企业',
  '独角兽',
  '数控机床',
  '热变形',
  '热误差',
  '加工中心',
  '五轴联动',
  '工业互联网',
  '工业软件',
  '数字孪生',
  '边缘计算',
  '机器视觉',
  '工业机器人',
  '协作机器人',
  '伺服电机',
  '减速器',
  '增材制造',
  '激光切割',
  '激光焊接',
  '智能制造',
  '预测性维护',
  '故障诊断',
  '人工智能',
  '大数据',
  '区块链',
  '云计算',
  '物联网',
  '北斗导航',
  '集成电路',
  '功率半导体',
  '传感器',
  '新能源汽车',
  '氢燃料电池',
  '燃料电池',
  '膜电极',
  '电堆',
  '功率密度',
  '催化剂',
  '锂电池',
  '储能',
  '光伏',
  '余热回收',
  '节能降耗',
  '碳纤维',
  '石墨烯',
  '复合材料',
  '高分子材料',
  '特种钢',
  '生物医药',
  '创新药',
  '医疗器械',
  '体外诊断',
  '中药材',
  '细胞治疗',
  '农业机械',
  '智慧农业',
  '食品加工',
  '冷链',
  '检验检测',
  '无损检测',
  '装配式建筑',
  '绿色建材',
  '污水处理',
  '固废',
  '轴承',
  '液压',
  '热处理',
  '表面处理',
  '缺陷检测',
  '电机控制',
  '汽车零部件',
  '商用车',
  '重型卡车',
  '量子通信',
  '信创',
];

/** Words that every second entry uses: they say nothing about what matches. */
export const STOP_WORDS = new Set([
  '技术',
  '研究',
  '研发',
  '开发',
  '一种',
  '基于',
  '及其',
  '应用',
  '方法',
  '系统',
  '关键',
  '装置',
  '设备',
  '产品',
  '企业',
  '需求',
  '提升',
  '提高',
  '实现',
  '合作',
  '项目',
  '进行',
  '需要',
  '要求',
  '我们',
  '公司',
  '问题',
  '解决',
  '相关',
  '以及',
  '目前',
  '现有',
  '能力',
  '新型',
  '高效',
  '优化',
  '工艺',
  '方案',
  '平台',
  '测性',
  '联网',
  // Words of the request and the offer, not of the technology.
  '寻求',
  '主营',
  '存在',
  '希望',
  '高校',
  '院所',
  '通过',
  '竞争',
  '竞争力',
  '预算',
  '万元',
  '针对',
  '采用',
  '形成',
  '具备',
  '条件',
  '多家',
  '省内',
  '国内',
  '水平',
  '达到',
  '指标',
  '攻关',
  '先进',
  '可以',
  '能够',
  '用于',
]);

let jieba: Jieba | null = null;
function engine(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 200000 n`).join('\n') + '\n'));
  }
  return jieba;
}

const LEXEME = /^[\p{Script=Han}a-z0-9]+$/u;

/** The meaningful words of a text, in order, lower-cased, duplicates kept. */
export function segment(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of engine().cutForSearch(text.normalize('NFKC'), true)) {
    const w = raw.toLowerCase().trim();
    // A single character carries little meaning for matching ("热", "的").
    if ([...w].length < 2 || !LEXEME.test(w)) continue;
    if (STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Distinct words, in first-seen order. */
export function terms(...texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => segment(t)))];
}

/**
 * A `tsvector` literal: each word with its positions; title words weighted A (they say what the
 * entry is), body words D. Positions are capped by PostgreSQL at 16383.
 */
export function tsvectorLiteral(title: string, body: string): string {
  const pos = new Map<string, string[]>();
  let i = 0;
  const add = (words: string[], weight: 'A' | '') => {
    for (const w of words) {
      i = Math.min(i + 1, 16383);
      const list = pos.get(w) ?? [];
      if (list.length < 8) list.push(`${i}${weight}`);
      pos.set(w, list);
    }
  };
  add(segment(title), 'A');
  add(segment(body), '');
  return [...pos].map(([w, p]) => `'${w}':${p.join(',')}`).join(' ');
}

/** An OR-ed `tsquery` literal over the words of a query (null when nothing meaningful is left). */
export function tsqueryLiteral(words: readonly string[], max = 24): string | null {
  const list = [...new Set(words)].filter((w) => LEXEME.test(w)).slice(0, max);
  return list.length ? list.map((w) => `'${w}'`).join(' | ') : null;
}
