/**
 * Reference data: Jinan's managing units, the title ladder, levels, size classes and a working
 * subset of GB/T 4754-2017 industry classes. Units are loaded into the `units` table by a
 * migration-like upsert at start (configurable later through the table itself).
 */
export interface UnitDef {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'county' | 'zone';
  overlays: string[];
}

/** GB/T 2260 codes (shared/reference/tier-standards.md §4.2). */
export const JINAN_DISTRICTS: UnitDef[] = [
  { code: '370102', nameZh: '历下区', nameEn: 'Lixia District', kind: 'district', overlays: [] },
  { code: '370103', nameZh: '市中区', nameEn: 'Shizhong District', kind: 'district', overlays: [] },
  { code: '370104', nameZh: '槐荫区', nameEn: 'Huaiyin District', kind: 'district', overlays: [] },
  { code: '370105', nameZh: '天桥区', nameEn: 'Tianqiao District', kind: 'district', overlays: [] },
  { code: '370112', nameZh: '历城区', nameEn: 'Licheng District', kind: 'district', overlays: [] },
  { code: '370113', nameZh: '长清区', nameEn: 'Changqing District', kind: 'district', overlays: [] },
  { code: '370114', nameZh: '章丘区', nameEn: 'Zhangqiu District', kind: 'district', overlays: [] },
  { code: '370115', nameZh: '济阳区', nameEn: 'Jiyang District', kind: 'district', overlays: [] },
  { code: '370116', nameZh: '莱芜区', nameEn: 'Laiwu District', kind: 'district', overlays: [] },
  { code: '370117', nameZh: '钢城区', nameEn: 'Gangcheng District', kind: 'district', overlays: [] },
  { code: '370124', nameZh: '平阴县', nameEn: 'Pingyin County', kind: 'county', overlays: [] },
  { code: '370126', nameZh: '商河县', nameEn: 'Shanghe County', kind: 'county', overlays: [] },
];

/**
 * Functional zones have no administrative code of their own; these ids are the platform's.
 * Which districts each overlays is configuration (the authoritative list was not found:
 * shared/reference/tier-standards.md §4.2), recorded here as a starting point.
 */
export const JINAN_ZONES: UnitDef[] = [
  { code: 'Z-HTZ', nameZh: '济南高新区', nameEn: 'Jinan High-tech Zone', kind: 'zone', overlays: ['370102', '370112', '370113'] },
  {
    code: 'Z-SUA',
    nameZh: '起步区',
    nameEn: 'New-Old Kinetic Energy Start-up Area',
    kind: 'zone',
    overlays: ['370105', '370112', '370115'],
  },
  { code: 'Z-SMA', nameZh: '南部山区', nameEn: 'Southern Mountain Area', kind: 'zone', overlays: ['370102', '370103', '370112'] },
];

export const JINAN_UNITS: UnitDef[] = [...JINAN_DISTRICTS, ...JINAN_ZONES];

export const TITLE_KINDS = [
  { id: 'innovative_sme', zh: '创新型中小企业', en: 'Innovative SME' },
  { id: 'specialized_sme', zh: '专精特新中小企业', en: 'Specialised SME (专精特新)' },
  { id: 'little_giant', zh: '专精特新“小巨人”企业', en: '"Little giant"' },
  { id: 'manufacturing_champion', zh: '制造业单项冠军', en: 'Manufacturing single champion' },
  { id: 'gazelle', zh: '瞪羚企业', en: 'Gazelle' },
  { id: 'unicorn', zh: '独角兽企业', en: 'Unicorn' },
] as const;
export type TitleKind = (typeof TITLE_KINDS)[number]['id'];
export const TITLE_KIND_IDS = TITLE_KINDS.map((t) => t.id) as TitleKind[];

export const LEVELS = [
  { id: 'national', zh: '国家级', en: 'National' },
  { id: 'provincial', zh: '省级', en: 'Provincial' },
  { id: 'city', zh: '市级', en: 'City' },
] as const;
export type Level = (typeof LEVELS)[number]['id'];

export const RECOGNITION_KINDS = [
  { id: 'first', zh: '首次认定', en: 'First recognition' },
  { id: 'renewal', zh: '复核/重新认定', en: 'Renewal' },
] as const;

export const SIZE_CLASSES = [
  { id: 'micro', zh: '微型', en: 'Micro' },
  { id: 'small', zh: '小型', en: 'Small' },
  { id: 'medium', zh: '中型', en: 'Medium' },
  { id: 'large', zh: '大型', en: 'Large' },
] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number]['id'];

export const CARRIER_KINDS = [
  { id: 'demo_base', zh: '小型微型企业创业创新示范基地', en: 'SME entrepreneurship & innovation demonstration base' },
  { id: 'service_platform', zh: '中小企业公共服务示范平台', en: 'SME public-service demonstration platform' },
  { id: 'park', zh: '优质培育服务园区', en: 'Quality-cultivation service park' },
  { id: 'cluster', zh: '中小企业特色产业集群', en: 'SME characteristic industrial cluster' },
] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number]['id'];

/**
 * A working subset of GB/T 4754-2017 classes (4-digit class with the section letter), chosen
 * for Jinan's leading industries. `emerging` marks classes counted in 战略性新兴产业分类(2018).
 */
export const INDUSTRIES: { code: string; zh: string; en: string; emerging: boolean }[] = [
  { code: 'C2611', zh: '无机酸制造', en: 'Inorganic acids', emerging: false },
  { code: 'C2710', zh: '化学药品原料药制造', en: 'Chemical APIs', emerging: true },
  { code: 'C2761', zh: '生物药品制造', en: 'Biological medicines', emerging: true },
  { code: 'C2929', zh: '塑料零件及其他塑料制品制造', en: 'Plastic parts', emerging: false },
  { code: 'C3311', zh: '金属结构制造', en: 'Metal structures', emerging: false },
  { code: 'C3421', zh: '金属切削机床制造', en: 'Metal-cutting machine tools', emerging: true },
  { code: 'C3441', zh: '泵及真空设备制造', en: 'Pumps and vacuum equipment', emerging: false },
  { code: 'C3491', zh: '工业机器人制造', en: 'Industrial robots', emerging: true },
  { code: 'C3572', zh: '机械化农业及园艺机具制造', en: 'Agricultural machinery', emerging: false },
  { code: 'C3670', zh: '汽车零部件及配件制造', en: 'Auto parts', emerging: false },
  { code: 'C3811', zh: '发电机及发电机组制造', en: 'Generators', emerging: true },
  { code: 'C3841', zh: '锂离子电池制造', en: 'Lithium-ion batteries', emerging: true },
  { code: 'C3911', zh: '计算机整机制造', en: 'Computers', emerging: true },
  { code: 'C3971', zh: '电子元件及组件制造', en: 'Electronic components', emerging: true },
  { code: 'C4011', zh: '工业自动控制系统装置制造', en: 'Industrial automation systems', emerging: true },
  { code: 'C3581', zh: '医疗诊断、监护及治疗设备制造', en: 'Medical diagnostic equipment', emerging: true },
  { code: 'C1369', zh: '其他水产品加工', en: 'Food processing', emerging: false },
  { code: 'I6513', zh: '应用软件开发', en: 'Application software', emerging: true },
  { code: 'I6531', zh: '信息系统集成服务', en: 'Systems integration', emerging: true },
  { code: 'I6450', zh: '互联网数据服务', en: 'Internet data services', emerging: true },
  { code: 'M7320', zh: '工程和技术研究和试验发展', en: 'Engineering R&D', emerging: true },
  { code: 'M7451', zh: '检测服务', en: 'Testing services', emerging: true },
  { code: 'M7520', zh: '技术推广服务', en: 'Technology promotion', emerging: false },
  { code: 'E4813', zh: '市政道路工程建筑', en: 'Road construction', emerging: false },
  { code: 'F5174', zh: '五金产品批发', en: 'Hardware wholesale', emerging: false },
];
