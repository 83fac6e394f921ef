/** Excel books of the IP module: one enterprise's items, statistics with pledge loans, the import template. */
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import { AWARD_LABEL_ZH, IMPORT_COLUMNS, KIND_ZH, ORIGIN_ZH, STATUS_ZH } from './domain.ts';
import type { EnterpriseIpView, IpStats, PledgeLoanView, PledgeTotals } from './service.ts';

const CLASS_ZH = { I: 'Ⅰ类', II: 'Ⅱ类', high_value: 'Ⅰ类高价值', other: '商标（不分类）' } as const;

export async function itemsWorkbook(v: EnterpriseIpView): Promise<Buffer> {
  return toXlsxBook([
    sheetOf(
      '知识产权',
      [
        { header: '类型', value: (r: EnterpriseIpView['items'][number]) => KIND_ZH[r.kind] },
        { header: '编号', width: 20, value: (r) => r.number },
        { header: '校验', value: (r) => (r.numberVerified ? '已校验' : '未校验') },
        { header: '名称', width: 30, value: (r) => r.title },
        { header: '申请日', value: (r) => r.appliedOn },
        { header: '授权日', value: (r) => r.grantedOn },
        { header: '法律状态', value: (r) => STATUS_ZH[r.legalStatus] },
        { header: '来源', value: (r) => ORIGIN_ZH[r.origin] },
        { header: '受让日期', value: (r) => r.acquiredOn },
        { header: '与主导产品相关', value: (r) => (r.relatedToMainProduct ? '是' : '否') },
        { header: '类别', value: (r) => (r.classification.class ? `${r.classification.class}类` : '—') },
        { header: '计入', value: (r) => (r.classification.counted ? '是' : '否') },
        { header: 'Ⅰ类高价值', value: (r) => (r.classification.highValue ? '是' : '否') },
        { header: '评分', value: (r) => r.evaluation.score },
        { header: '说明', width: 60, value: (r) => r.classification.reasons.map((x) => x.zh).join('；') },
      ],
      v.items,
    ),
  ]);
}

export async function statsWorkbook(
  s: IpStats,
  loans: { loans: PledgeLoanView[]; byBank: PledgeTotals[]; byUnit: PledgeTotals[]; byIndustry: PledgeTotals[] },
): Promise<Buffer> {
  const totals = (name: string, rows: PledgeTotals[]) =>
    sheetOf(
      name,
      [
        { header: '名称', width: 24, value: (r: PledgeTotals) => r.name },
        { header: '笔数', value: (r) => r.loans },
        { header: '金额（元）', numFmt: '#,##0', value: (r) => r.amount },
      ],
      rows,
    );
  return toXlsxBook([
    sheetOf(
      '按类别',
      [
        { header: '类别', value: (r: IpStats['byClass'][number]) => CLASS_ZH[r.class] },
        { header: '计入数量', value: (r) => r.counted },
      ],
      s.byClass,
    ),
    sheetOf(
      '按区县',
      [
        { header: '区县', value: (r: IpStats['byUnit'][number]) => r.unitName },
        { header: '企业数', value: (r) => r.enterprises },
        { header: 'Ⅰ类', value: (r) => r.class1 },
        { header: 'Ⅰ类高价值', value: (r) => r.class1HighValue },
        { header: 'Ⅱ类', value: (r) => r.class2 },
      ],
      s.byUnit,
    ),
    sheetOf(
      '按行业',
      [
        { header: '行业', width: 30, value: (r: IpStats['byIndustry'][number]) => r.industryName },
        { header: '企业数', value: (r) => r.enterprises },
        { header: 'Ⅰ类', value: (r) => r.class1 },
        { header: 'Ⅰ类高价值', value: (r) => r.class1HighValue },
        { header: 'Ⅱ类', value: (r) => r.class2 },
      ],
      s.byIndustry,
    ),
    sheetOf(
      '优质企业高价值',
      [
        { header: '称号', width: 24, value: (r: IpStats['highValuePerQualitySme'][number]) => r.titleName },
        { header: '企业数', value: (r) => r.enterprises },
        { header: 'Ⅰ类高价值', value: (r) => r.class1HighValue },
        { header: '户均', value: (r) => r.perEnterprise },
      ],
      s.highValuePerQualitySme,
    ),
    sheetOf(
      '质押贷款',
      [
        { header: '企业', width: 30, value: (r: PledgeLoanView) => r.enterpriseName },
        { header: '区县', value: (r) => r.unitName },
        { header: '银行', value: (r) => r.institutionName },
        { header: '金额（元）', numFmt: '#,##0', value: (r) => r.amount },
        { header: '利率（%）', value: (r) => r.rateBp / 100 },
        { header: '期限（月）', value: (r) => r.termMonths },
        { header: '放款日', value: (r) => r.grantedOn },
        { header: '质押知识产权', width: 40, value: (r) => r.items.map((i) => `${i.number} ${i.title}`).join('；') },
      ],
      loans.loans,
    ),
    totals('按银行', loans.byBank),
    totals('按区县（贷款）', loans.byUnit),
    totals('按行业（贷款）', loans.byIndustry),
  ]);
}

/** The import template: the columns and one example row, and a sheet explaining the allowed values. */
export async function importTemplate(): Promise<Buffer> {
  const example = [
    '发明专利',
    '201710601862.3',
    '一种数控机床主轴热误差补偿方法',
    '2017-07-20',
    '2019-03-15',
    '',
    '有效',
    8,
    1,
    3,
    '中国专利优秀奖',
    '自主研发',
    '',
    '是',
  ];
  return toXlsxBook([
    { name: '知识产权', columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, width: 18 })), rows: [example] },
    {
      name: '填写说明',
      columns: [
        { header: '列', width: 18 },
        { header: '可填写的值', width: 80 },
      ],
      rows: [
        ['类型', Object.values(KIND_ZH).join('、')],
        ['申请号/登记号', '专利填申请号（含校验位，如201710601862.3），软件著作权如2019SR0123456'],
        ['日期', 'YYYY-MM-DD'],
        ['法律状态', Object.values(STATUS_ZH).join('、')],
        ['获奖', Object.values(AWARD_LABEL_ZH).join('、') + '（多项用顿号分隔）'],
        ['来源', Object.values(ORIGIN_ZH).join('、') + '；受让的须填受让日期'],
        ['与主导产品相关', '是、否'],
      ],
    },
  ]);
}
