/**
 * The 行政处罚信息信用修复告知书 delivered with the penalty decision (两书同达), as a Word document
 * laid out after GB/T 9704 with the shared helpers of the cases module's notices. No official
 * list of its contents exists (other-domains.md §1.5); it states what the practice notices state:
 * where and how long the record is public, from when and how repair can be applied for, the
 * materials, the time limit, and whom to ask.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph } from 'docx';
import { CHAR, FONTS, LINE, SIZE, blank, body, chineseDate, gbDocx, run } from '../cases/documents.ts';
import {
  MATERIAL_ZH,
  PENALTY_TYPE_ZH,
  SEVERITY_ZH,
  type CreditAssessment,
  type PenaltyLine,
} from '../../../policy/credit-repair/index.ts';

export interface RepairNoticeInput {
  noticeNo: string;
  agency: { name: string; address: string | null; phone: string | null };
  partyName: string;
  uscc: string;
  decisionNo: string;
  decisionDate: string;
  penalties: PenaltyLine[];
  assessment: CreditAssessment;
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT } as const;

function heading(text: string): Paragraph {
  // keepNext: a heading never ends a page alone.
  return new Paragraph({
    children: [run(text, FONTS.heading1, SIZE.body)],
    indent: { firstLine: 2 * CHAR },
    spacing: exact,
    keepNext: true,
  });
}

export function penaltiesZh(lines: readonly PenaltyLine[]): string {
  return lines
    .map((l) => {
      const name = PENALTY_TYPE_ZH[l.type];
      if (l.amountYuan) return `${name}人民币${l.amountYuan.toLocaleString('en-US')}元`;
      if (l.months) return `${name}${l.months}个月`;
      return name;
    })
    .join('，');
}

function paragraphs(n: RepairNoticeInput): Paragraph[] {
  const a = n.assessment;
  const samr = a.sector?.published ? '《市场监督管理行政处罚信息公示规定》' : '';
  const where = a.sector?.published
    ? a.published
      ? '“信用中国”网站和国家企业信用信息公示系统'
      : '国家企业信用信息公示系统'
    : '“信用中国”网站';
  const out: Paragraph[] = [
    new Paragraph({
      children: [run('行政处罚信息信用修复告知书', FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
    }),
    new Paragraph({ children: [run(n.noticeNo, FONTS.body, SIZE.body)], alignment: AlignmentType.CENTER, spacing: exact }),
    blank(),
    new Paragraph({ children: [run(`${n.partyName}：`, FONTS.body, SIZE.body)], spacing: exact }),
    body(
      `本机关于${chineseDate(n.decisionDate)}对你单位（统一社会信用代码：${n.uscc}）作出《行政处罚决定书》（${n.decisionNo}），处罚内容：${penaltiesZh(n.penalties)}。` +
        `根据《${a.ruleSet.titleZh}》${samr ? `和${samr}` : ''}等规定，现将该行政处罚信息公示及信用修复有关事项告知如下：`,
    ),
    heading('一、公示期限'),
  ];
  if (a.published) {
    const min = a.minimumEndsOn ? `最短公示期至${chineseDate(a.minimumEndsOn)}届满，` : '';
    out.push(
      body(
        `该行政处罚信息属于${SEVERITY_ZH[a.severity]}失信信息，将在${where}公示。公示期自${chineseDate(a.publicityFrom!)}起计算，${min}最长公示期至${chineseDate(a.publicityEndsOn!)}届满，届满后自动停止公示。`,
      ),
    );
  } else {
    out.push(body(`该行政处罚信息属于${SEVERITY_ZH[a.severity]}失信信息，依规定不在“信用中国”网站公示。`));
  }
  if (a.sector?.published) {
    out.push(
      body(
        `该信息将于${chineseDate(a.sector.publishBy!)}前在国家企业信用信息公示系统公示，公示至${chineseDate(a.sector.publicityEndsOn!)}（自决定之日起计算，以实际公示之日为准）；` +
          (a.sector.earlyStopAllowed
            ? '符合规定条件的，可以申请提前停止公示。'
            : '该处罚属于较为严重的行政处罚，不得提前停止公示。'),
      ),
    );
  }
  out.push(heading('二、信用修复时间'));
  out.push(
    body(
      a.earliestRepairOn
        ? `自${chineseDate(a.earliestRepairOn)}起，你单位纠正失信行为、完全履行行政处罚决定规定的义务，并公开作出信用承诺后，可以申请信用修复。修复后，相关信息停止公示。`
        : '该信息不予公示，无须申请信用修复。',
    ),
  );
  out.push(heading('三、申请方式'));
  out.push(
    body(
      `可通过“信用中国”网站在线申请，或通过济南市优质中小企业梯度培育平台“信用修复”栏目在线提交，也可到本机关${n.agency.address ? `（${n.agency.address}）` : ''}窗口办理。`,
    ),
  );
  out.push(heading('四、申请材料'));
  a.materials.forEach((m, i) =>
    out.push(
      body(`（${'一二三四五六七八九十'[i] ?? i + 1}）${MATERIAL_ZH[m] ?? m}${i === a.materials.length - 1 ? '。' : '；'}`),
    ),
  );
  out.push(heading('五、办理时限'));
  out.push(
    body(
      `本机关自收到完整申请材料之日起${a.repairWorkingDays}个工作日内作出是否准予修复的决定（收到当日不计入），并告知你单位。`,
    ),
  );
  out.push(body(`如有疑问，请与本机关联系${n.agency.phone ? `，联系电话：${n.agency.phone}` : ''}。`));
  out.push(body('特此告知。'));
  // 正文下空一行 then 落款 (GB/T 9704 §7.3.5.1).
  out.push(blank());
  const right = { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: exact };
  out.push(new Paragraph({ children: [run(n.agency.name, FONTS.body, SIZE.body)], ...right }));
  out.push(new Paragraph({ children: [run(chineseDate(n.decisionDate), FONTS.body, SIZE.body)], ...right }));
  // Receipt line, set like a 版记 between thin rules: the party signs that both documents reached it together.
  const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } as const;
  const receipt = { left: CHAR / 2, right: CHAR / 2 };
  out.push(
    new Paragraph({
      children: [run('本告知书与《行政处罚决定书》同时送达。', FONTS.body, SIZE.pageNumber)],
      indent: receipt,
      border: { top: rule },
      keepNext: true,
      spacing: { before: LINE / 2 },
    }),
    new Paragraph({
      children: [run('当事人签收：　　　　　　　　　　年　　月　　日', FONTS.body, SIZE.pageNumber)],
      alignment: AlignmentType.RIGHT,
      indent: receipt,
      border: { bottom: rule },
    }),
  );
  return out;
}

export async function repairNoticeDocx(notices: RepairNoticeInput[]): Promise<Buffer> {
  return gbDocx('行政处罚信息信用修复告知书', notices.map(paragraphs));
}
