/**
 * The verbatim text of the measures that have no clause module of their own (三, 六 to 十三),
 * copied from source-draft.zh.txt (measures.test.ts checks every character and the printed
 * 责任单位 bracket). Measures 一, 二, 四 and 五 keep their text in their clause modules.
 */
import type { ClauseText } from '../core/clause.ts';
import { DOCUMENT_ZH } from './document.ts';

export const MEASURE_3_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '一、支持优质中小企业梯度培育',
  itemNumberZh: '三',
  itemLabelAsPrinted: '（三）',
  textZh:
    '（三）鼓励银行机构加大对优质中小企业支持力度。引导我市商业银行为优质中小企业开辟信贷绿色通道，并纳入重点服务名单；各银行业金融机构积极主动对接专精特新、瞪羚、独角兽等优质中小企业，增加有效信贷供给，实施差别化的信贷政策，切实改进信用评价机制，主动开展营销对接，优先满足融资需求，优化金融服务流程，在贷款利率定价、服务效率等方面给予优惠政策；引导政府性融资担保机构研发专项担保产品，与银行开展标准化、批量化业务合作，维持较低的担保费率；鼓励保险机构推出“专精特新险”，为企业提供信用保证保险产品；鼓励银行机构研发科创金融拳头产品特别是线上拳头产品，探索构建科创企业知识产权评价模型，积极开展并做大给予高价值知识产权本身、不依赖其他抵质押担保增信措施的知识产权质押融资业务。',
  responsibleUnitsZh: [
    '国家金融监督管理总局莱芜监管分局',
    '市地方金融管理局',
    '市工业和信息化局',
    '市市场监管局',
    '人民银行济南营业管理部',
    '济南融资担保集团',
  ],
  summaryEn:
    'Banks, guarantee institutions and insurers: green credit channel and key-service list for quality SMEs, special guarantee and insurance products, IP pledge loans.',
};

export const MEASURE_6_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '二、提升中小企业服务能力',
  itemNumberZh: '六',
  itemLabelAsPrinted: '（六）',
  textZh:
    '（六）推进中小企业特色产业集群建设。力争每年打造1个创新资源集聚、产业生态完善、协作配套良好的中小企业特色产业集群，构建产业集群新生态；引导集群运营管理单位，推动集群内主导产业提质升级，持续优化企业培育机制，打造晋档升级发展体系，提升技术装备水平，开展技术改造向装备现代化、产品高端化、工艺智能化、生产绿色化升级。',
  responsibleUnitsZh: ['市工业和信息化局', '各区县政府及功能区管理机构'],
  summaryEn: 'Build one SME characteristic industrial cluster a year.',
};

export const MEASURE_7_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '二、提升中小企业服务能力',
  itemNumberZh: '七',
  itemLabelAsPrinted: '（七）',
  textZh:
    '（七）加快中小企业数字化转型。统筹各类资源优化供给，以中小企业数字化转型试点城市建设为契机，以“专精特新”中小企业为重点，依托中小企业数字化转型公共服务平台等数字化服务机构，深化转型服务，加快企业“上云用数赋智”，通过示范带动、看样学样、复制推广，引导和推动中小企业加快数字化转型，全面提升中小企业数字化水平，促进数字经济和实体经济深度融合。',
  responsibleUnitsZh: ['市工业和信息化局'],
  summaryEn: 'Digital transformation of SMEs, specialized SMEs first.',
};

export const MEASURE_8_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '三、优化中小企业发展环境',
  itemNumberZh: '八',
  itemLabelAsPrinted: '（八）',
  textZh:
    '（八）开展全市中小企业发展环境评估。积极落实《中华人民共和国中小企业促进法》相关要求，每年根据全国中小企业发展环境评估结果，与先进城市进行横向分析比对查找差距，研究分析济南市中小企业发展环境存在的具体问题和原因，借鉴先进经验，推动济南市中小企业发展环境不断优化；借鉴国家中小企业发展环境评估相关指标，对全市各区县中小企业发展工作进行纵向分析比对，现状并找出薄弱环节，并将评估结果纳入全市各区县相关考核。',
  responsibleUnitsZh: ['市委考核办', '市工业和信息化局'],
  summaryEn: 'Yearly SME development environment assessment of the city and its districts, counted in the districts’ appraisal.',
};

export const MEASURE_9_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '三、优化中小企业发展环境',
  itemNumberZh: '九',
  itemLabelAsPrinted: '（九）',
  textZh:
    '（九）落实中小企业信用修复主动告知制度。进一步优化行政处罚信息信用修复机制，落实行政处罚决定和行政处罚信息信用修复告知“两书同达”工作制度。全面推进具有法定行政处罚权的各级行政机关将信用修复指导关口前移，在依法作出行政处罚决定后，同步送达行政处罚决定书和行政处罚信息信用修复告知书，告知公示期限、信用修复时间及方式等内容，进一步优化营商环境，推动惠民便企服务高质量发展。',
  responsibleUnitsZh: ['市发展改革委', '市司法局', '市市场监管局', '各级行政处罚机关'],
  summaryEn: 'Credit repair notice delivered together with each administrative penalty decision (两书同达).',
};

export const MEASURE_10_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '三、优化中小企业发展环境',
  itemNumberZh: '十',
  itemLabelAsPrinted: '（十）',
  textZh:
    '（十）提升知识产权赋能力度。建立知识产权与产业协同发展机制，提升知识产权创造、运用、保护、管理和服务水平，增强知识产权强链护链能力，围绕我市重点产业领域，推进高质量知识产权布局，加强知识产权转化机制，支持提升龙头企业和产业集群等的商标品牌价值；完善知识产权保护规则，加强海外知识产权纠纷应对指导机制建设，指导开展风险应对，加强商业秘密保护。',
  responsibleUnitsZh: ['市市场监管局'],
  summaryEn: 'Intellectual property empowerment: layout, transformation, protection, brand value.',
};

export const MEASURE_11_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '四、提升中小企业创新能力',
  itemNumberZh: '十一',
  itemLabelAsPrinted: '（十一）',
  textZh:
    '（十一）促进大中小企业融通创新发展。深入开展大中小企业 “携手行动”，促进大中小企业创新链、人才链、产业链、供应链协同创新发展。鼓励引导大企业向中小企业开放品牌、设计研发能力、仪器设备、试验场地等各类创新资源要素，共享产能资源，通过生态构建、基地培育、内部孵化、赋能带动、数据联通等方式打造一批大中小企业融通典型模式，培育一批协同配套能力突出的专精特新中小企业，形成协同、高效、融合、顺畅的大中小企业融通创新生态。深入实施企业经营管理人才素质提升工程，鼓励行业领军企业、国有企业与中小微企业加强沟通交流。常态化开展供需对接活动。',
  responsibleUnitsZh: ['市工业和信息化局', '市科技局', '市人力资源社会保障局', '市国资委', '各区县政府及功能区管理机构'],
  summaryEn: 'Large-small enterprise integrated innovation: the 携手行动, resource sharing, supply-demand matchmaking events.',
};

export const MEASURE_12_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '四、提升中小企业创新能力',
  itemNumberZh: '十二',
  itemLabelAsPrinted: '（十二）',
  textZh:
    '（十二）推动优质中小企业产学研协同创新。建立“企业出题、院校解题、政府助题”的新型产学研项目支持机制，推动中小企业与高等院校和科研院所建立长期合作机制，实施主导产业关键产业链技术攻关，促进本地成果转化和产业升级；面向高校、科研院所等征集一批技术成果转移目录，面向中小企业征集一批技术研发需求目录，推动供需双向“揭榜”，促进产学研协同创新。',
  responsibleUnitsZh: ['市教育局', '市科技局', '市工业和信息化局'],
  summaryEn: 'Industry-university-research collaboration: two-way 揭榜 between technology achievements and enterprise demands.',
};

export const MEASURE_13_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '四、提升中小企业创新能力',
  itemNumberZh: '十三',
  itemLabelAsPrinted: '（十三）',
  textZh:
    '（十三）激发中小企业创新创业活力。举办“创客济南”大赛，遴选优质“创新创业”项目，推荐参加省赛和全国大赛；针对重点产业链优质项目组织开展路演活动，积极引导国家、省、市级基金对项目进行投资及产业孵化，深入推进科技成果赋智中小企业专项行动，推进“科创+金融”创新创业模式，着力打造我市中小企业创新创业新高地。',
  responsibleUnitsZh: ['市工业和信息化局', '市科技局', '市财政局', '市委金融办'],
  summaryEn: '创客济南 competition, recommendation to provincial and national rounds, roadshows and fund investment.',
};
