/**
 * Shared by the policy, entitlement and budget pages: the encoded policy (fetched once), names for
 * clauses, items, trace conditions and facts in both languages, and how a parameter value reads.
 */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import * as api from '../../api/endpoints.ts';
import type {
  Bilingual,
  ClauseId,
  EntitlementStatus,
  ParamUnit,
  PolicyParameter,
  PolicyReference,
  PolicyVersion,
} from '../../api/types.ts';
import type { ReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n, type Lang, type Translate } from '../../i18n/index.tsx';
import { formatMoney, formatWanText, todayIso } from '../../util/format.ts';

export const CLAUSES: readonly ClauseId[] = ['2', '4', '5'];
// Any item number the registry may list (item 一 carries the targets), not only the money clauses.
const CLAUSE_NUMERALS: Record<string, string> = { '1': '一', '2': '二', '3': '三', '4': '四', '5': '五', '6': '六', '7': '七', '8': '八' };

/** Fiscal years the budget can show: the policy's first year (2023) to next year. */
export function budgetYearOptions(): number[] {
  const last = Math.max(Number(todayIso().slice(0, 4)) + 1, 2026);
  const years: number[] = [];
  for (let y = 2023; y <= last; y++) years.push(y);
  return years;
}

/** 第二条 / Clause 2. */
export function clauseName(clause: string, t: Translate, lang: Lang): string {
  const n = lang === 'zh' ? (CLAUSE_NUMERALS[clause] ?? clause) : clause;
  return t('policy.clauseHeading', { n });
}

export const STATUS_COLOURS: Record<EntitlementStatus, string> = {
  owed: 'blue',
  withdrawn: 'default',
  recovery_due: 'red',
};

export function StatusTag({ status }: { status: EntitlementStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={`status-${status}`}>
      {t(`entl.status.${status}`)}
    </Tag>
  );
}

export function usePolicyVersions(): { versions: PolicyVersion[] | null; error: unknown } {
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.fetchPolicyVersions().then(
      (v) => live && setVersions(v),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return { versions, error };
}

/** Every parameter of every version by id (the latest version's definition wins). */
export function useParameterIndex(versions: PolicyVersion[] | null): Map<string, PolicyParameter> {
  return useMemo(() => {
    const map = new Map<string, PolicyParameter>();
    for (const v of versions ?? []) for (const c of v.clauses) for (const p of c.parameters) map.set(p.id, p);
    return map;
  }, [versions]);
}

/** The value in force on `date` (default today); before the first date, the first value. */
export function currentValue(param: PolicyParameter, date = todayIso()): PolicyParameter['values'][number] | undefined {
  let found = param.values[0];
  for (const v of param.values) {
    if (v.from <= date) found = v;
    else break;
  }
  return found;
}

const LIST_VALUES: Record<string, Bilingual> = {
  miit: { zh: '工业和信息化部', en: 'MIIT' },
  province: { zh: '省级部门', en: 'Province' },
  city: { zh: '市级部门', en: 'City' },
  other: { zh: '其他', en: 'Other' },
};

/** A parameter value as an officer reads it: ¥2,000,000 (200万元), 开/关, level names. */
export function formatParamValue(
  unit: ParamUnit | undefined,
  value: unknown,
  ctx: { t: Translate; lang: Lang; ref: ReferenceData; pick: (b: Bilingual) => string },
): string {
  const { t, lang, ref, pick } = ctx;
  if (value === null || value === undefined) return t('policy.repealed');
  if (Array.isArray(value)) {
    const names = value.map((v: unknown) => {
      const s = String(v);
      if (unit === 'levels' || ['national', 'provincial', 'city'].includes(s)) return ref.level(s);
      const known = LIST_VALUES[s];
      return known ? pick(known) : s;
    });
    return names.join(lang === 'zh' ? '、' : ', ');
  }
  if (typeof value === 'boolean') return t(value ? 'policy.on' : 'policy.off');
  if (typeof value === 'number') {
    if (unit === 'yuan') return lang === 'zh' ? `${formatMoney(value)}（${formatWanText(value)}）` : formatMoney(value);
    if (unit === 'years') return t('policy.years', { n: value });
    return String(value);
  }
  return String(value);
}

/** 一、（2） with the document and note on hover, and the 未核实 tag when the value is assumed. */
export function ReferenceText({ reference, compact = false }: { reference: PolicyReference; compact?: boolean }) {
  const detail = [reference.document, reference.note].filter(Boolean).join(' · ');
  return (
    <Space orientation="vertical" size={2} data-testid="reference">
      <Tooltip title={detail}>
        <span>
          {compact ? reference.clause : `${reference.document} ${reference.clause}`}
          {reference.url && (
            <>
              {' '}
              <a href={reference.url} target="_blank" rel="noreferrer">
                ↗
              </a>
            </>
          )}
        </span>
      </Tooltip>
      {!compact && reference.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reference.note}
        </Typography.Text>
      )}
      {reference.unverified && <UnverifiedTag text={reference.unverified} />}
    </Space>
  );
}

export function UnverifiedTag({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={text}>
      <Tag color="orange" data-testid="unverified" style={{ marginInlineEnd: 0 }}>
        {t('policy.unverified')}
      </Tag>
    </Tooltip>
  );
}

const RECOGNITION: Record<string, Bilingual> = {
  first: { zh: '新认定', en: 'new' },
  renewal: { zh: '复核/重新认定', en: 'renewal' },
};

/** '2.little_giant.first' → 专精特新"小巨人"企业 · 新认定. Unknown shapes show the id. */
export function itemName(item: string, ref: ReferenceData, pick: (b: Bilingual) => string): string {
  const [clause, a = '', b = ''] = item.split('.');
  if (clause === '2') return `${ref.titleKind(a)} · ${pick(RECOGNITION[b] ?? { zh: b, en: b })}`;
  if (clause === '4') {
    const year = b.replace('year_', '');
    return pick({ zh: `服务园区 · 第${year}年`, en: `Service park · year ${year}` });
  }
  if (clause === '5' && a === 'base')
    return pick({
      zh: `示范基地 · 入驻企业新获${ref.titleKind(b)}`,
      en: `Demonstration base · resident newly ${ref.titleKind(b)}`,
    });
  if (clause === '5' && a === 'platform')
    return pick({ zh: `公共服务示范平台（${ref.level(b)}）`, en: `Public-service platform (${ref.level(b)})` });
  return item;
}

const CONDITIONS: Record<string, Bilingual> = {
  clause_2_fiscal_year: {
    zh: '奖励属于该财政年度（认定年度）',
    en: 'The reward belongs to this fiscal year (year of recognition)',
  },
  clause_2_policy_in_force: {
    zh: '认定日期在本政策版本的适用期内',
    en: 'Recognised within the period this policy version applies to',
  },
  clause_2_title_rewarded: { zh: '该称号及认定方式属于奖励范围', en: 'The title and kind of recognition are rewarded' },
  clause_2_level_eligible: { zh: '认定级别符合条款要求', en: 'The recognition level is eligible' },
  clause_2_not_revoked: { zh: '称号未被撤销', en: 'The title is not revoked' },
  clause_2_amount_in_force: { zh: '认定日有有效的奖励标准', en: 'A reward amount is in force on the recognition date' },
  clause_4_payment_year: { zh: '该年度属于认定后的三年支付期', en: 'The fiscal year is one of the three payment years' },
  clause_4_policy_in_force: {
    zh: '认定日期在本政策版本的适用期内',
    en: 'Recognised within the period this policy version applies to',
  },
  clause_4_first_recognition: { zh: '首次认定', en: 'First recognition' },
  clause_4_recognised_by_miit: { zh: '由工业和信息化部相关部门认定', en: 'Recognised by MIIT departments' },
  clause_4_not_revoked: { zh: '认定未被撤销', en: 'The recognition is not revoked' },
  clause_4_valid_in_payment_year: { zh: '支付年度内认定仍在有效期', en: 'The recognition is still valid in the payment year' },
  clause_4_amount_in_force: { zh: '有有效的支持标准', en: 'An amount is in force' },
  clause_5_claim_year: { zh: '资金申报上年度认定（申报年度前一年）', en: 'Recognised in the year before the claim year' },
  clause_5_policy_in_force: {
    zh: '认定日期在本政策版本的适用期内',
    en: 'Recognised within the period this policy version applies to',
  },
  clause_5_carrier_is_demo_base: {
    zh: '载体为小型微型企业创业创新示范基地',
    en: 'The carrier is a small/micro enterprise demonstration base',
  },
  clause_5_base_provincial_or_higher: { zh: '示范基地为省级及以上', en: 'The base is provincial or higher' },
  clause_5_base_within_validity: {
    zh: '认定日示范基地在有效期内',
    en: 'The base is within its validity on the recognition date',
  },
  clause_5_resident_12_months: { zh: '认定日入驻满12个月', en: 'Resident for 12 months by the recognition date' },
  clause_5_newly_recognised: { zh: '入驻企业为新认定', en: 'The resident was newly recognised' },
  clause_5_title_level_counted: { zh: '入驻企业的认定级别符合条款要求', en: "The resident's recognition level counts" },
  clause_5_title_not_revoked: { zh: '入驻企业称号未被撤销', en: "The resident's title is not revoked" },
  clause_5_platform_fiscal_year: { zh: '属于平台认定年度', en: "The fiscal year is the platform's recognition year" },
  clause_5_platform_newly_recognised: { zh: '平台为新认定', en: 'The platform is newly recognised' },
  clause_5_platform_national_or_provincial: { zh: '平台为国家级或省级', en: 'The platform is national or provincial' },
  clause_5_platform_not_revoked: { zh: '平台认定未被撤销', en: "The platform's recognition is not revoked" },
  clause_5_amount_in_force: { zh: '认定日有有效的奖励标准', en: 'A reward amount is in force on the recognition date' },
};

export function conditionName(name: string, pick: (b: Bilingual) => string): string {
  const known = CONDITIONS[name];
  return known ? pick(known) : name;
}

const FACTS: Record<string, Bilingual> = {
  recognisedOn: { zh: '认定日期', en: 'recognised on' },
  fiscalYear: { zh: '财政年度', en: 'fiscal year' },
  offset: { zh: '年度偏移', en: 'year offset' },
  versionFrom: { zh: '版本适用起', en: 'version from' },
  versionUntil: { zh: '版本适用止', en: 'version until' },
  kind: { zh: '称号/类型', en: 'kind' },
  recognition: { zh: '认定方式', en: 'recognition' },
  level: { zh: '级别', en: 'level' },
  eligibleLevels: { zh: '可奖励级别', en: 'eligible levels' },
  asOf: { zh: '计算基准日', en: 'as of' },
  revokedOn: { zh: '撤销日期', en: 'revoked on' },
  validUntil: { zh: '有效期至', en: 'valid until' },
  fromDate: { zh: '入驻日期', en: 'resident from' },
  toDate: { zh: '迁出日期', en: 'moved out' },
};

export function factName(key: string, pick: (b: Bilingual) => string): string {
  const known = FACTS[key];
  return known ? pick(known) : key;
}

export function factValue(key: string, value: unknown, ref: ReferenceData, pick: (b: Bilingual) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return pick(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });
  const s = String(value);
  if (key === 'kind') return ref.titleKind(s) !== s ? ref.titleKind(s) : ref.carrierKind(s);
  if (key === 'level') return ref.level(s);
  if (key === 'eligibleLevels')
    return s
      .split(',')
      .map((l) => ref.level(l.trim()))
      .join(pick({ zh: '、', en: ', ' }));
  if (key === 'recognition') return pick(RECOGNITION[s] ?? { zh: s, en: s });
  return s;
}
