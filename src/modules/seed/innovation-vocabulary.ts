/**
 * Word lists for the synthetic technology catalogues, after Jinan's leading industries (高端装备,
 * 新一代信息技术与工业互联网, 生物医药, 新材料, 新能源与节能环保, 现代农业与食品, 检验检测,
 * 绿色建造). Every combination is invented.
 */
import type { TechField } from '../innovation/domain.ts';

/** Per field: the objects worked on, and the techniques or problems applied to them. */
export const FIELD_VOCABULARY: Record<TechField, { topics: string[]; techniques: string[] }> = {
  intelligent_manufacturing: {
    topics: [
      '数控机床',
      '工业机器人',
      '精密减速器',
      '伺服电机',
      '液压系统',
      '高端轴承',
      '激光切割设备',
      '汽车零部件',
      '农业机械',
      '重型卡车变速箱',
      '五轴加工中心',
    ],
    techniques: [
      '热误差补偿',
      '精度保持',
      '故障诊断',
      '振动抑制',
      '智能控制',
      '轻量化设计',
      '在线检测',
      '寿命预测',
      '激光焊接',
      '机器视觉定位',
    ],
  },
  industrial_internet: {
    topics: [
      '工业互联网平台',
      '工业软件',
      '边缘计算网关',
      '设备物联网',
      '工业大数据',
      '信创操作系统',
      '北斗导航终端',
      '智能仓储系统',
      '制造执行系统',
    ],
    techniques: [
      '预测性维护',
      '数据采集',
      '网络安全防护',
      '知识图谱',
      '机器视觉识别',
      '低代码开发',
      '时序数据库',
      '数字孪生',
      '区块链溯源',
    ],
  },
  biomedicine: {
    topics: ['创新药', '体外诊断试剂', '医疗器械', '中药材', '细胞治疗', '疫苗', '医用高分子材料', '手术机器人', '基因检测'],
    techniques: ['缓释制剂', '质量控制', '高通量筛选', '提取纯化', '快速检测', '生物相容性评价', '冻干工艺', '靶点发现'],
  },
  new_materials: {
    topics: ['碳纤维复合材料', '石墨烯', '特种钢', '高分子材料', '陶瓷材料', '铝合金', '防腐涂层', '稀土功能材料', '玻璃纤维'],
    techniques: ['制备工艺', '表面处理', '热处理', '耐腐蚀改性', '增材制造', '界面改性', '回收利用', '低成本量产'],
  },
  new_energy: {
    topics: ['氢燃料电池', '锂电池', '储能系统', '光伏组件', '余热回收装置', '污水处理', '固废资源化', '高效电机', '充电桩'],
    techniques: ['热管理', '能量管理', '节能降耗', '安全预警', '膜电极', '催化剂', '梯次利用', '功率变换'],
  },
  food_agriculture: {
    topics: ['智慧农业', '食品加工', '冷链物流', '小麦育种', '畜禽养殖', '果蔬保鲜', '章丘大葱', '功能食品', '饲料'],
    techniques: ['品质检测', '保鲜工艺', '精准施肥', '病害识别', '发酵工艺', '溯源系统', '营养强化', '智能分拣'],
  },
  testing_services: {
    topics: ['检验检测', '无损检测', '计量校准', '环境监测', '材料分析', '电磁兼容测试', '食品安全检测'],
    techniques: ['超声检测', '光谱分析', '自动化检测', '标准物质研制', '在线监测', '射线成像', '数据溯源'],
  },
  green_construction: {
    topics: ['装配式建筑', '绿色建材', '路桥工程', '地下综合管廊', '建筑垃圾', '既有建筑节能改造'],
    techniques: ['再生利用', '智能建造', '结构健康监测', 'BIM协同设计', '低碳混凝土', '预制构件连接'],
  },
};

export const ACHIEVEMENT_SUFFIXES = ['关键技术', '成套技术', '系统', '工艺', '装置', '方法', '平台'];
export const PAINS = ['精度不足', '成本偏高', '效率偏低', '可靠性差', '依赖进口', '能耗偏高', '一致性差', '良品率低'];
export const BENEFITS = [
  '已在省内多家企业应用',
  '关键指标达到国内先进水平',
  '可降低成本两成以上',
  '已完成中试验证',
  '获山东省科技进步奖',
  '具备批量转化条件',
];

/** Universities and institutes in Jinan (real names; everything about their catalogue entries is invented), with where they sit. */
export const INSTITUTIONS: { name: string; unitCode: string; weight: number }[] = [
  { name: '山东大学', unitCode: '370102', weight: 10 },
  { name: '济南大学', unitCode: '370103', weight: 6 },
  { name: '齐鲁工业大学（山东省科学院）', unitCode: '370113', weight: 7 },
  { name: '山东建筑大学', unitCode: '370112', weight: 4 },
  { name: '山东师范大学', unitCode: '370113', weight: 3 },
  { name: '山东交通学院', unitCode: '370113', weight: 2 },
  { name: '山东第一医科大学', unitCode: '370116', weight: 3 },
  { name: '山东省农业科学院', unitCode: '370112', weight: 3 },
  { name: '山东省科学院激光研究所', unitCode: 'Z-HTZ', weight: 2 },
  { name: '山东财经大学', unitCode: '370102', weight: 1 },
];

export const TEAM_SUFFIXES = ['教授团队', '课题组', '研究团队', '创新团队'];

export const RESOURCE_TITLES: Record<string, string[]> = {
  instrument: [
    '三坐标测量机',
    '扫描电子显微镜',
    '高低温交变试验箱',
    '液相色谱质谱联用仪',
    '电磁兼容测试系统',
    'X射线探伤设备',
    '激光粒度分析仪',
  ],
  test_site: ['整车试验场', '中试车间', '电池安全测试场地', '5G工业试验网', '高压电气试验大厅', '农机田间试验基地'],
  capacity: ['铸造产能', '注塑产能', '钣金加工产能', 'SMT贴片产能', '热处理产能', '精密机加工产能'],
  brand: ['联合品牌授权', '供应商体系准入辅导', '渠道与品牌共享'],
  design: ['工业设计中心', '仿真分析能力', '模具设计能力', '软件测试能力'],
  rd: ['企业技术中心', '重点实验室', '博士后科研工作站', '工程技术研究中心'],
};
export const RESOURCE_TERMS = [
  '按成本价收费，提前5个工作日预约',
  '专精特新企业免费使用前20小时',
  '按次收费，提供检测报告',
  '签订保密协议后开放',
  '优先面向产业链配套企业',
];
