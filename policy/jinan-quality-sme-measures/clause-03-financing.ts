/**
 * Clause 3 (一、（三）) — banks, guarantee institutions and insurers.
 *
 * 引导我市商业银行为优质中小企业开辟信贷绿色通道，并纳入重点服务名单；各银行业金融机构积极主动对接
 * 专精特新、瞪羚、独角兽等优质中小企业……引导政府性融资担保机构研发专项担保产品……维持较低的担保费率；
 * 鼓励保险机构推出“专精特新险”……积极开展……知识产权质押融资业务。
 *
 * The clause sets no amount. What the platform needs from it are two readings, each a dated
 * parameter with its interpretation: which titles put an enterprise on the key-service list
 * (重点服务名单), and how long a demand may wait for its first answer before the green channel
 * (信贷绿色通道) counts it as late.
 */
import type { Parameter } from '../core/parameter.ts';
import { DRAFT_EFFECTIVE_FROM, draftRef } from './document.ts';

export type LadderTitleKind =
  'innovative_sme' | 'specialized_sme' | 'little_giant' | 'manufacturing_champion' | 'gazelle' | 'unicorn';

export const CLAUSE_3_TEXT_ZH =
  '引导我市商业银行为优质中小企业开辟信贷绿色通道，并纳入重点服务名单；各银行业金融机构积极主动对接专精特新、瞪羚、独角兽等优质中小企业，' +
  '增加有效信贷供给，实施差别化的信贷政策……引导政府性融资担保机构研发专项担保产品……维持较低的担保费率；鼓励保险机构推出“专精特新险”……' +
  '积极开展并做大给予高价值知识产权本身、不依赖其他抵质押担保增信措施的知识产权质押融资业务。';

/**
 * Which titles in force put an enterprise on the key-service list.
 * Interpretation (financing team): "专精特新、瞪羚、独角兽等优质中小企业" lists examples (等); the
 * quality SMEs of the measures are the holders of every ladder title the registry keeps, so all
 * six count. Narrow the list here (a dated value) if the bureau decides otherwise.
 */
export const clause3KeyListTitleKinds: Parameter<readonly LadderTitleKind[]> = {
  id: 'clause_3_key_list_title_kinds',
  descriptionZh: '纳入重点服务名单的称号（须在有效期内且未撤销）',
  descriptionEn: 'Titles (in force, not revoked) that put an enterprise on the key-service list',
  unit: 'list',
  interpretation:
    'Interpretation (financing team): 专精特新、瞪羚、独角兽“等”优质中小企业 read as every ladder title in the registry ' +
    '(创新型, 专精特新, 小巨人, 单项冠军, 瞪羚, 独角兽).',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: ['innovative_sme', 'specialized_sme', 'little_giant', 'manufacturing_champion', 'gazelle', 'unicorn'],
      reference: draftRef('一、（三）', 'The text names 专精特新、瞪羚、独角兽 followed by 等; the full ladder is assumed.'),
    },
  ],
};

/**
 * The green channel's answer time: working days after a demand is posted within which the first
 * answer of an institution is due.
 * Interpretation (financing team): the text asks for a green channel and 服务效率 without a
 * number; 5 working days is a platform convention, NOT from the text, to be replaced by the
 * bureau's or the regulator's figure.
 */
export const clause3GreenChannelWorkingDays: Parameter<number> = {
  id: 'clause_3_green_channel_working_days',
  descriptionZh: '信贷绿色通道：需求发布后首次响应的期限（工作日）',
  descriptionEn: 'Green channel: working days after posting within which the first answer is due',
  unit: 'count',
  interpretation: 'Interpretation (financing team): 5 working days, a platform convention; the draft gives no number.',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: 5,
      reference: draftRef('一、（三）', 'No figure in the text; 5 working days is a convention of the platform (unverified).'),
    },
  ],
};

/**
 * Credit events: which classes of a publicised, unrepaired penalty record take an enterprise off
 * the key-service list while the record counts (see `src/modules/credit/standing.ts`).
 * Interpretation (lead): the list serves 优质 enterprises in good standing; a 严重 record (the
 * class that joint-punishment rules act on) removes the firm, 一般 records do not, and repair
 * restores it on the day the repair is approved. A dated value so the bureau can widen it.
 */
export const clause3KeyListExcludedCreditSeverities: Parameter<readonly ('general' | 'serious')[]> = {
  id: 'clause_3_key_list_excluded_credit_severities',
  descriptionZh: '移出重点服务名单的行政处罚信息类别（公示期内、未修复）',
  descriptionEn: 'Penalty-record classes (publicised, unrepaired) that take an enterprise off the key-service list',
  unit: 'list',
  interpretation:
    'Interpretation (lead): only 严重 (serious) records exclude; the draft names no credit rule for the list (unverified).',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: ['serious'],
      reference: draftRef(
        '一、（三）',
        'No credit rule in the text; exclusion of serious records is a platform reading (unverified).',
      ),
    },
  ],
};
