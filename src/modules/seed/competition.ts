/**
 * Synthetic 创客济南 data: more judges, a completed 2025 edition (every stage scored, ranked,
 * published; roadshow interest and fund investments) and a 2026 edition in progress (preliminary
 * published, semi-final being scored — the demo judge has projects waiting). Deterministic for a
 * seed; results are computed by the same pure rules the service uses.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import {
  DEFAULT_RUBRIC,
  advancingCount,
  checkEligibility,
  nextStage,
  planAssignments,
  projectCode,
  rankEntries,
  recommendationFor,
  type Group,
  type JudgeFacts,
  type StageKind,
} from '../competition/domain.ts';
import { eligibilitySettings, judgingDefaults, recommendationQuota } from '../competition/settings.ts';
import { Rng } from './prng.ts';

const JUDGES: [string, string, string][] = [
  ['judge2', '李教授（评审专家）', '山东大学'],
  ['judge3', '王研究员（评审专家）', '齐鲁工业大学（山东省科学院）'],
  ['judge4', '陈总（评审专家）', '济南产业发展投资集团有限公司'],
  ['judge5', '刘博士（评审专家）', '济南大学'],
  ['judge6', '杨高工（评审专家）', '浪潮集团有限公司'],
  ['judge7', '赵合伙人（评审专家）', '山东省新动能基金管理有限公司'],
  ['judge8', '黄教授（评审专家）', '山东师范大学'],
  ['judge9', '吴律师（评审专家）', '山东众成清泰律师事务所'],
];
/** The judges this file adds (the generator's `judge` is the demo judge). */
export const COMPETITION_DEMO_USERS = JUDGES.map(([u]) => u);
const TRACKS: [string, string, string][] = [
  ['ict', '新一代信息技术', 'Next-generation IT'],
  ['equipment', '高端装备', 'High-end equipment'],
  ['bio', '生物医药', 'Biomedicine'],
  ['materials', '新材料与绿色低碳', 'New materials and low carbon'],
];
const TEAM_WORDS = ['星火', '泉城智造', '青禾', '极光', '云帆', '趵突', '千佛', '灵岩', '鹊华', '明湖', '齐鲁芯', '北斗'];
const TEAM_ORGS = ['山东大学', '济南大学', '山东师范大学', '齐鲁工业大学（山东省科学院）', '齐鲁软件园创业孵化器'];
const PROJECTS: Record<string, string[]> = {
  ict: ['工业互联网设备预测性维护平台', '面向中小企业的低代码质检系统', '国产密码算法边缘网关', '大模型辅助的政务问答引擎'],
  equipment: ['激光熔覆再制造装备', '智能农机导航控制器', '高精度数控转台', '轨道交通轴承在线监测装置'],
  bio: ['快速病原体核酸检测试剂盒', '中药配方颗粒质量追溯系统', '可降解骨科植入材料', '宠物疫苗冷链监测'],
  materials: ['钠离子电池正极材料', '建筑垃圾再生骨料技术', '光伏组件回收提纯工艺', '高性能碳纤维复合材料'],
};
const INVESTORS = ['济南科技创新发展投资基金', '山东省新旧动能转换引导基金', '国投创合', '济南天使投资引导基金', '深创投济南'];

interface EditionSpec {
  year: number;
  name: string;
  stages: {
    kind: StageKind;
    opensOn: string;
    closesOn: string;
    advanceCount?: number;
    advanceSharePercent?: number;
    judgesPerEntry: number;
  }[];
  /** Stages scored and published; `scoring` is being scored now (partly). */
  published: StageKind[];
  scoring: StageKind | null;
  enterprises: number;
  makers: number;
}

const values = (rows: SQL[][]) =>
  sql.join(
    rows.map((r) => sql`(${sql.join(r, sql`, `)})`),
    sql`, `,
  );

function spec(year: number, completed: boolean): EditionSpec {
  const d = (md: string) => `${year}-${md}`;
  return {
    year,
    name: `${year}年“创客济南”中小企业创新创业大赛`,
    stages: [
      { kind: 'registration', opensOn: d('03-01'), closesOn: d(completed ? '04-30' : '09-30'), judgesPerEntry: 5 },
      {
        kind: 'preliminary',
        opensOn: d(completed ? '05-10' : '10-08'),
        closesOn: d(completed ? '05-31' : '10-31'),
        advanceSharePercent: 50,
        judgesPerEntry: 5,
      },
      {
        kind: 'semi_final',
        opensOn: d(completed ? '06-10' : '11-10'),
        closesOn: d(completed ? '06-30' : '12-10'),
        advanceCount: 4,
        judgesPerEntry: 5,
      },
      {
        kind: 'final',
        opensOn: d(completed ? '07-10' : '12-15'),
        closesOn: d(completed ? '07-20' : '12-20'),
        advanceCount: 3,
        judgesPerEntry: 5,
      },
      {
        kind: 'roadshow',
        opensOn: d(completed ? '08-01' : '12-25'),
        closesOn: d(completed ? '08-31' : '12-31'),
        judgesPerEntry: 5,
      },
    ],
    published: completed ? ['preliminary', 'semi_final', 'final'] : ['preliminary'],
    scoring: completed ? null : 'semi_final',
    enterprises: 14,
    makers: 9,
  };
}

export async function seedCompetition(
  tx: Tx,
  opts: { seed: number; asOf: string; passwordHash: string },
): Promise<{ editions: number; entries: number; judges: number }> {
  const rng = new Rng(opts.seed).fork('competition');
  await tx.execute(
    sql`insert into users (username, display_name, role, organisation, password_hash) values ${values(
      JUDGES.map(([u, n, o]) => [sql`${u}`, sql`${n}`, sql`'judge'`, sql`${o}`, sql`${opts.passwordHash}`]),
    )}`,
  );
  const judgeRows = await rowsOf<{ id: number; username: string; name: string; organisation: string | null }>(
    tx,
    sql`select id, username, display_name as name, organisation from users where role = 'judge' order by id`,
  );
  const demoJudge = Number(judgeRows.find((j) => j.username === 'judge')?.id ?? 0);
  let entries = 0;
  const years = [2025, 2026].filter((y) => `${y}-03-01` <= opts.asOf);
  for (const year of years) {
    const s = spec(year, year < 2026);
    entries += await seedEdition(tx, rng.fork(String(year)), s, judgeRows, demoJudge, opts.asOf);
  }
  return { editions: years.length, entries, judges: judgeRows.length };
}

async function seedEdition(
  tx: Tx,
  rng: Rng,
  s: EditionSpec,
  judgeRows: { id: number; name: string; organisation: string | null }[],
  demoJudge: number,
  asOf: string,
): Promise<number> {
  const [ed] = await rowsOf<{ id: number }>(
    tx,
    sql`insert into competition_editions (year, name) values (${s.year}, ${s.name}) returning id`,
  );
  const editionId = Number(ed!.id);
  const tracks = await rowsOf<{ id: number; code: string }>(
    tx,
    sql`insert into competition_tracks (edition_id, code, name_zh, name_en) values ${values(
      TRACKS.map(([c, zh, en]) => [sql`${editionId}`, sql`${c}`, sql`${zh}`, sql`${en}`]),
    )} returning id, code`,
  );
  const defaults = judgingDefaults(`${s.year}-01-01`);
  const stageIds = new Map<StageKind, number>();
  for (const st of s.stages) {
    const scored = ['preliminary', 'semi_final', 'final'].includes(st.kind);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into competition_stages (edition_id, kind, opens_on, closes_on, rubric, judges_per_entry, min_judges, trim_at_least, advance_count, advance_share_percent)
          values (${editionId}, ${st.kind}, ${st.opensOn}, ${st.closesOn}, ${JSON.stringify(scored ? DEFAULT_RUBRIC : [])}::jsonb, ${st.judgesPerEntry},
                  ${defaults.minJudges}, ${defaults.trimFromJudges}, ${st.advanceCount ?? null}, ${st.advanceSharePercent ?? null}) returning id`,
    );
    stageIds.set(st.kind, Number(row!.id));
  }
  const reg = s.stages[0]!;
  const regDate = (i: number, n: number) => {
    const a = Date.parse(reg.opensOn);
    const b = Date.parse(reg.closesOn);
    return new Date(a + Math.floor(((b - a) * (i + 0.5)) / n) + rng.int(0, 36_000) * 1000);
  };
  // Young enterprises of the registry (and a few older ones, refused with their reasons).
  const firms = await rowsOf<{
    id: number;
    name: string;
    unit_code: string;
    established_on: string;
    revenue: number | null;
    year: number | null;
  }>(
    tx,
    sql`select e.id, e.name, e.unit_code, e.established_on::text as established_on, y.revenue, y.year
          from enterprises e left join lateral (select revenue, year from enterprise_yearly where enterprise_id = e.id and year < ${s.year} order by year desc limit 1) y on true
         where e.established_on <= ${reg.opensOn} and e.id not in (select enterprise_id from users where enterprise_id is not null)
         order by (e.established_on > (${reg.opensOn}::date - interval '5 years')) desc, md5(e.uscc || ${String(s.year)}) limit ${s.enterprises}`,
  );
  type Seeded = {
    id: number;
    code: string;
    group: Group;
    entrantName: string;
    organisation: string | null;
    registeredAt: string;
    quality: number;
    eligible: boolean;
  };
  const seeded: Seeded[] = [];
  const total = firms.length + s.makers;
  let n = 0;
  const insertEntry = async (e: {
    group: Group;
    seq: number;
    entrantName: string;
    enterpriseId: number | null;
    organisation: string | null;
    unitCode: string | null;
    facts: Parameters<typeof checkEligibility>[0];
    at: Date;
  }) => {
    const track = tracks[rng.int(0, tracks.length - 1)]!;
    const names = PROJECTS[track.code]!;
    const projectName = `${names[rng.int(0, names.length - 1)]}（${e.group === 'enterprise' ? 'E' : 'M'}${e.seq}）`;
    const verdict = checkEligibility(e.facts, eligibilitySettings(e.facts.onDate));
    const code = projectCode(s.year, e.group, e.seq);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into competition_entries (edition_id, code, "group", track_id, project_name, summary, entrant_name, enterprise_id, organisation,
            leader_name, unit_code, facts, eligible, eligibility, reached_stage, registered_at)
          values (${editionId}, ${code}, ${e.group}, ${track.id}, ${projectName},
            ${`${projectName}：面向济南重点产业链的创新创业项目，已完成样机或试点应用，计划在两年内实现规模化推广。`},
            ${e.entrantName}, ${e.enterpriseId}, ${e.organisation}, ${['张', '王', '李', '赵', '孙', '周'][rng.int(0, 5)]! + ['伟', '敏', '静', '磊', '洋', '婷'][rng.int(0, 5)]!},
            ${e.unitCode}, ${JSON.stringify(e.facts)}::jsonb, ${verdict.eligible}, ${JSON.stringify({ ...verdict, on: e.facts.onDate })}::jsonb,
            ${verdict.eligible ? 'preliminary' : 'registration'}, ${e.at}) returning id`,
    );
    seeded.push({
      id: Number(row!.id),
      code,
      group: e.group,
      entrantName: e.entrantName,
      organisation: e.organisation,
      registeredAt: e.at.toISOString(),
      quality: rng.clampedNormal(76, 7, 55, 95),
      eligible: verdict.eligible,
    });
  };
  for (const [i, f] of firms.entries()) {
    const at = regDate(n++, total);
    await insertEntry({
      group: 'enterprise',
      seq: i + 1,
      entrantName: f.name,
      enterpriseId: Number(f.id),
      organisation: null,
      unitCode: f.unit_code,
      at,
      facts: {
        group: 'enterprise',
        onDate: at.toISOString().slice(0, 10),
        registeredInJinan: true,
        establishedOn: f.established_on,
        lastRevenue: f.revenue === null ? null : Number(f.revenue),
        lastRevenueYear: f.year === null ? null : Number(f.year),
      },
    });
  }
  for (let i = 0; i < s.makers; i++) {
    const at = regDate(n++, total);
    await insertEntry({
      group: 'maker',
      seq: i + 1,
      entrantName: `${TEAM_WORDS[(i + s.year) % TEAM_WORDS.length]}创新团队`,
      enterpriseId: null,
      organisation: TEAM_ORGS[i % TEAM_ORGS.length]!,
      unitCode: ['370102', '370112', 'Z-HTZ', '370103'][i % 4]!,
      at,
      facts: { group: 'maker', onDate: at.toISOString().slice(0, 10), teamHasCompany: i === s.makers - 1 },
    });
  }
  // A declared tie: the investor judge sat on the board of the first enterprise entrant.
  const investor = judgeRows.find((j) => j.organisation?.includes('基金'));
  const firstFirm = seeded.find((e) => e.group === 'enterprise' && e.eligible);
  if (investor && firstFirm)
    await tx.execute(
      sql`insert into competition_judge_ties (edition_id, judge_id, entry_id, note) values (${editionId}, ${investor.id}, ${firstFirm.id}, '曾任该企业董事')`,
    );
  const ties = firstFirm && investor ? [{ judgeId: Number(investor.id), entryId: firstFirm.id }] : [];
  const judges: JudgeFacts[] = judgeRows.map((j) => ({
    judgeId: Number(j.id),
    name: j.name,
    organisation: j.organisation,
    ties: ties
      .filter((t) => t.judgeId === Number(j.id))
      .map((t) => ({ entryId: t.entryId, organisation: null, note: '曾任该企业董事' })),
  }));

  const reached = new Map(seeded.map((e) => [e.id, e.eligible ? ('preliminary' as StageKind) : ('registration' as StageKind)]));
  const quota = recommendationQuota(`${s.year}-01-01`);
  for (const st of s.stages) {
    const stageId = stageIds.get(st.kind)!;
    const isPublished = s.published.includes(st.kind);
    if (!isPublished && s.scoring !== st.kind) continue;
    const inStage = seeded.filter((e) => reached.get(e.id) === st.kind);
    await tx.execute(
      sql`insert into competition_pool_members (stage_id, judge_id) values ${values(judges.map((j) => [sql`${stageId}`, sql`${j.judgeId}`]))}`,
    );
    const plan = planAssignments(
      inStage.map((e) => ({ entryId: e.id, entrantName: e.entrantName, organisation: e.organisation })),
      judges,
      st.judgesPerEntry,
    );
    if (!plan.assignments.length) continue;
    await tx.execute(
      sql`insert into competition_assignments (stage_id, entry_id, judge_id, assigned_at) values ${values(
        plan.assignments.map((a) => [sql`${stageId}`, sql`${a.entryId}`, sql`${a.judgeId}`, sql`${st.opensOn}::date`]),
      )}`,
    );
    const quality = new Map(inStage.map((e) => [e.id, e.quality]));
    const scores = plan.assignments
      // While a stage is being scored, the demo judge and a third of the others have not scored yet.
      .filter((a) => isPublished || (a.judgeId !== demoJudge && rng.chance(0.67)))
      .map((a) => {
        const criteria: Record<string, number> = {};
        for (const c of DEFAULT_RUBRIC) criteria[c.key] = Math.round(rng.clampedNormal(quality.get(a.entryId)!, 6, 40, 99));
        return { ...a, criteria, totalCenti: DEFAULT_RUBRIC.reduce((t, c) => t + criteria[c.key]! * c.weight, 0) };
      });
    if (scores.length)
      await tx.execute(
        sql`insert into competition_scores (stage_id, entry_id, judge_id, criteria, total_centi, submitted_at, updated_at) values ${values(
          scores.map((x) => [
            sql`${stageId}`,
            sql`${x.entryId}`,
            sql`${x.judgeId}`,
            sql`${JSON.stringify(x.criteria)}::jsonb`,
            sql`${x.totalCenti}`,
            sql`${st.opensOn}::date`,
            sql`${st.opensOn}::date`,
          ]),
        )}`,
      );
    if (!isPublished) continue;
    const stageRow = await rowsOf<{ min_judges: number; trim_at_least: number }>(
      tx,
      sql`select min_judges, trim_at_least from competition_stages where id = ${stageId}`,
    );
    const rules = { minJudges: Number(stageRow[0]!.min_judges), trimFromJudges: Number(stageRow[0]!.trim_at_least) };
    const results: SQL[][] = [];
    for (const group of ['enterprise', 'maker'] as const) {
      const inGroup = inStage.filter((e) => e.group === group);
      const r = rankEntries(
        inGroup.map((e) => ({
          entryId: e.id,
          code: e.code,
          registeredAt: e.registeredAt,
          scores: scores.filter((x) => x.entryId === e.id),
        })),
        DEFAULT_RUBRIC,
        rules,
      );
      if (r.status !== 'ranked') continue;
      const k = advancingCount(r.entries.length, {
        count: st.advanceCount ?? null,
        sharePercent: st.advanceSharePercent ?? null,
      });
      for (const e of r.entries) {
        const advanced = e.rank <= k;
        if (advanced) reached.set(e.entryId, nextStage(st.kind)!);
        const explanation = {
          scored: e.aggregate.scored,
          used: e.aggregate.used,
          dropped: e.aggregate.dropped,
          meanCenti: e.aggregate.meanCenti,
          rule: rules,
          tieBreak: e.tieBreak,
          advanced: advanced ? { zh: `本组前${k}名晋级`, en: `the first ${k} of the group advance` } : null,
        };
        results.push([
          sql`${stageId}`,
          sql`${e.entryId}`,
          sql`${group}`,
          sql`${e.rank}`,
          sql`${e.aggregate.meanCenti}`,
          sql`${e.aggregate.scored}`,
          sql`${advanced}`,
          sql`${st.kind === 'final' ? recommendationFor(e.rank, quota) : null}`,
          sql`${JSON.stringify(explanation)}::jsonb`,
        ]);
      }
    }
    if (results.length)
      await tx.execute(
        sql`insert into competition_results (stage_id, entry_id, "group", rank, score_centi, judges, advanced, recommendation, explanation) values ${values(results)}`,
      );
    const publishedAt = `${st.closesOn}T10:00:00+08:00`;
    await tx.execute(
      sql`update competition_stages set ranked_at = ${publishedAt}::timestamptz, published_at = ${publishedAt}::timestamptz where id = ${stageId}`,
    );
  }
  for (const [id, stage] of reached)
    if (stage !== 'preliminary' && stage !== 'registration')
      await tx.execute(sql`update competition_entries set reached_stage = ${stage} where id = ${id}`);
  // Roadshow follow-up of a completed edition: investors' interest and government-guided funds.
  const roadshow = seeded.filter((e) => reached.get(e.id) === 'roadshow');
  const show = s.stages.find((x) => x.kind === 'roadshow')!;
  if (show.closesOn <= asOf)
    for (const [i, e] of roadshow.entries()) {
      const investors = INVESTORS.slice(i % 2, (i % 2) + 2 + (i % 3));
      await tx.execute(
        sql`insert into competition_investor_interests (entry_id, investor_name, level, note, recorded_on) values ${values(
          investors.map((inv, j) => [
            sql`${e.id}`,
            sql`${inv}`,
            sql`${['strong', 'moderate', 'watching'][(i + j) % 3]}::competition_interest_level`,
            sql`''`,
            sql`${show.opensOn}`,
          ]),
        )}`,
      );
      if (i % 2 === 0)
        await tx.execute(sql`insert into competition_investments (entry_id, fund_name, fund_level, amount_yuan, status, status_on, note)
          values (${e.id}, ${investors[0]!}, ${i % 4 === 0 ? 'city' : 'provincial'}, ${rng.int(3, 30) * 1_000_000}, ${i % 4 === 0 ? 'disbursed' : 'signed'}, ${show.closesOn}, '')`);
    }
  // Each seeded investment's history starts at its present status (as the migration does for old rows).
  await tx.execute(sql`insert into competition_investment_history (investment_id, from_status, to_status, status_on, amount_yuan, note)
    select v.id, null, v.status, v.status_on, v.amount_yuan, v.note from competition_investments v
     where not exists (select 1 from competition_investment_history h where h.investment_id = v.id)`);
  return seeded.length;
}
