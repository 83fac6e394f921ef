/**
 * Payment notices (资金拨付通知) as Word documents laid out after GB/T 9704-2012《党政机关公文格式》
 * (as summarised in /work/shared/reference/other-domains.md §6.1): A4, 天头 37 mm, 订口 28 mm,
 * 版心 156 × 225 mm; 发文机关标志 in red 小标宋; 发文字号 with 六角括号 〔〕 and no padding or 第;
 * a red separator line; title 2号小标宋 (22 pt) centred; 主送机关 flush left; body 3号仿宋_GB2312
 * (16 pt), first line indented two characters, fixed 28 pt line spacing (a convention, not a
 * clause); 落款 and 成文日期 (Arabic numerals, no padding) four characters from the right; page
 * numbers "— 1 —" in 4号 宋体, odd pages right, even pages left, one character in.
 * Fonts are named as government offices install them; a machine without them substitutes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
  FrameWrap,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import { DOCUMENT_ZH } from '../../../policy/jinan-quality-sme-measures/document.ts';
import { yuanInCapitals } from './domain.ts';

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  pageNumber: '宋体',
} as const;

/** Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, masthead: 72 } as const;
export const CHAR = 320; // one 3号 character in twips (16 pt × 20)
export const LINE = 560; // 28 pt fixed
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 × 16837). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

/**
 * The issuing authority. Assumption (cases team): notices go out under 市工业和信息化局 with the
 * 字号 prefix 济工信拨; the bureau's real prefix must be configured before use.
 */
export const ISSUER = { nameZh: '济南市工业和信息化局', prefix: '济工信拨', copyTo: '市财政局' } as const;

export interface PaymentNoticeInput {
  caseId: number;
  beneficiaryName: string;
  unitName: string;
  fiscalYear: number;
  clause: string;
  item: string;
  amount: number;
  account: { accountName: string; bankName: string; accountNo: string } | null;
  noticePeriod: string | null;
  /** ISO date of issue (成文日期). */
  issuedOn: string;
}

const CLAUSE_ZH: Record<string, string> = { '2': '第二条', '4': '第四条', '5': '第五条' };

export const run = (text: string, font: string, size: number, extra: { color?: string; bold?: boolean } = {}) =>
  new TextRun({
    text,
    size,
    font: {
      ascii: font === FONTS.body ? 'Times New Roman' : font,
      hAnsi: font === FONTS.body ? 'Times New Roman' : font,
      eastAsia: font,
    },
    ...extra,
  });

/** Characters per line of the 版心 (GB/T 9704 §5.2.2: 28 characters of 3号). */
const CHARS_PER_LINE = 28;

/** "2025-03-01 至 2025-03-07" → 2025年3月1日至3月7日 (the year once when both dates share it). */
export function chinesePeriod(period: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})\s*至\s*(\d{4}-\d{2}-\d{2})$/.exec(period.trim());
  if (!m) return period;
  const from = chineseDate(m[1]!);
  const to = chineseDate(m[2]!);
  return `${from}至${m[1]!.slice(0, 4) === m[2]!.slice(0, 4) ? to.replace(/^\d{4}年/, '') : to}`;
}

/** 2025-03-23 → 2025年3月23日 (no padding, per GB/T 9704 §7.3.5). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function body(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    keepNext,
    keepLines: keepNext,
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

export function blank(): Paragraph {
  return new Paragraph({ children: [run('', FONTS.body, SIZE.body)], spacing: { line: LINE, lineRule: LineRuleType.EXACT } });
}

function noticeParagraphs(n: PaymentNoticeInput): Paragraph[] {
  const year = n.issuedOn.slice(0, 4);
  const clause = CLAUSE_ZH[n.clause] ?? `第${n.clause}条`;
  const acct = n.account
    ? `（开户银行：${n.account.bankName}；账户名称：${n.account.accountName}；账号：${n.account.accountNo}）`
    : '';
  const notice = n.noticePeriod ? `，并于${chinesePeriod(n.noticePeriod)}公示无异议` : '';
  // 不加盖印章的公文 (§7.3.5.2): 正文下空一行，发文机关署名右空二字；成文日期在署名下一行，首字比署名首字右移二字.
  const signatureIndent = Math.max(0, CHARS_PER_LINE - 2 - ISSUER.nameZh.length) * CHAR;
  const keep = { keepNext: true, keepLines: true };
  return [
    // 发文机关标志 (红头)
    new Paragraph({
      children: [run(`${ISSUER.nameZh}文件`, FONTS.title, SIZE.masthead, { color: 'FF0000' })],
      alignment: AlignmentType.CENTER,
      // §7.2.1: the top of the 发文机关标志 is 35 mm below the top of the 版心; §7.2.2: 发文字号 two lines below it.
      spacing: { before: mm(35), after: 2 * LINE },
    }),
    // 发文字号 and the red separator line under it
    new Paragraph({
      children: [run(`${ISSUER.prefix}〔${year}〕${n.caseId}号`, FONTS.body, SIZE.body)],
      alignment: AlignmentType.CENTER,
      spacing: { after: LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 8 } },
    }),
    blank(),
    new Paragraph({
      children: [run(`关于拨付${n.beneficiaryName}优质中小企业梯度培育奖励资金的通知`, FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
    }),
    blank(),
    // 主送机关
    new Paragraph({
      children: [run(`${n.beneficiaryName}：`, FONTS.body, SIZE.body)],
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    }),
    body(
      `根据《${DOCUMENT_ZH}》${clause}规定，你单位符合“${n.item}”奖励条件。经${n.unitName}初审、市级审核${notice}，` +
        `现拨付你单位${n.fiscalYear}年度奖励资金人民币${n.amount.toLocaleString('en-US')}元（大写：${yuanInCapitals(n.amount)}）${acct}。`,
    ),
    body('请按照有关规定加强资金管理，专款用于企业创新发展和能力提升，自觉接受财政、审计等部门的监督检查。'),
    // The closing line travels with the 落款, so a signature never stands alone on a page.
    body('特此通知。', true),
    new Paragraph({ children: [run('', FONTS.body, SIZE.body)], spacing: { line: LINE, lineRule: LineRuleType.EXACT }, ...keep }),
    new Paragraph({
      children: [run(ISSUER.nameZh, FONTS.body, SIZE.body)],
      indent: { left: signatureIndent },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      ...keep,
    }),
    new Paragraph({
      children: [run(chineseDate(n.issuedOn), FONTS.body, SIZE.body)],
      indent: { left: signatureIndent + 2 * CHAR },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    }),
    blank(),
    // 版记 (§8): 抄送 between thin rules, at the foot of the last page — a frame anchored to the bottom of the 版心,
    // so the last rule coincides with the bottom edge of the 版心 whatever the length of the body.
    new Paragraph({
      children: [run(`抄送：${ISSUER.copyTo}，${n.unitName}工业和信息化主管部门。`, FONTS.body, 28)],
      indent: { left: CHAR, right: CHAR },
      frame: {
        type: 'alignment',
        width: mm(156),
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
        wrap: FrameWrap.NONE,
      },
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
      },
    }),
  ];
}

export function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.pageNumber,
            font: { ascii: FONTS.pageNumber, eastAsia: FONTS.pageNumber, hAnsi: FONTS.pageNumber },
          }),
        ],
      }),
    ],
  });
}

/** One notice per case, each in its own section (so each starts on a new page). */
/**
 * A Word document after GB/T 9704: A4, the 版心 margins, 页码 on odd pages right and even pages
 * left; each entry of `sections` starts on a new page with its pages counted from 1. Shared by
 * every notice the platform issues.
 */
export async function gbDocx(title: string, sections: Paragraph[][]): Promise<Buffer> {
  const doc = new Document({
    creator: 'SME Ladder',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: FONTS.body, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: SIZE.body },
        },
      },
    },
    sections: sections.map((children) => ({
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          // Each section is its own document: its pages count from 1.
          pageNumbers: { start: 1 },
          margin: {
            top: mm(37),
            left: mm(28),
            right: mm(26),
            bottom: mm(35),
            // 页码 sits 7 mm below the 版心: 35 − 7 = 28 mm from the bottom edge.
            footer: mm(28),
          },
        },
      },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children,
    })),
  });
  return Packer.toBuffer(doc);
}

/** One notice per case, each in its own section (so each starts on a new page). */
export async function paymentNoticesDocx(notices: PaymentNoticeInput[]): Promise<Buffer> {
  return gbDocx('资金拨付通知', notices.map(noticeParagraphs));
}
