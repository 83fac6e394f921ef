/**
 * Competition service (创客济南): editions and stages, registration with eligibility, attachments,
 * judges' pools and ties, assignment without conflicts, blind scoring, ranking, publication and
 * advancement, the recommendation list, roadshow interest and fund investments. Every read is
 * narrowed by access/principal.ts; every change is one transaction with its audit entry.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { AppError, Problems, invalid, problem, type Bilingual } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  canOrganiseCompetition,
  canRegisterForCompetition,
  competitionScope,
  isCompetitionJudge,
  type Principal,
} from '../access/principal.ts';
import { recogniseDocument } from '../cases/case-documents.ts';
import {
  SCORED_STAGES,
  TIE_BREAK_RULE,
  advancingCount,
  checkEligibility,
  checkRubric,
  conflictsOf,
  nextConfiguredStage,
  planAssignments,
  projectCode,
  rankEntries,
  recommendationFor,
  stageOpenOn,
  stageOrder,
  weightedTotal,
  INVESTMENT_STATUSES,
  changeClearsRanking,
  checkNewStage,
  checkStageDates,
  investmentMoveRefusal,
  removalRefusal,
  stageChangeRefusal,
  stageLock,
  type InvestmentStatus,
  type StageSettings,
  type Criterion,
  type EligibilityFacts,
  type EntryParty,
  type Group,
  type JudgeFacts,
  type StageKind,
} from './domain.ts';
import { eligibilitySettings, judgingDefaults, recommendationQuota, settingsOn, stageDefaults } from './settings.ts';

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });
const LOCK = 1010_0000;
export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perEntry: 10 } as const;

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}
const conflict = (zh: string, en: string) => new AppError('conflict', { detail: { zh, en } });
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const num = (v: unknown): number => Number(v);

function requireOrganiser(p: Principal): void {
  if (!canOrganiseCompetition(p)) throw new AppError('not_found');
}

// ---------- editions and stages ----------

export interface Stage {
  id: number;
  editionId: number;
  kind: StageKind;
  opensOn: string;
  closesOn: string;
  rubric: Criterion[];
  judgesPerEntry: number;
  minJudges: number;
  trimAtLeast: number;
  advanceCount: number | null;
  advanceSharePercent: number | null;
  rankedAt: string | null;
  publishedAt: string | null;
  version: number;
}

/** A stage as the edition lists it: with why its settings are locked, if they are (`stageLock`). */
export interface EditionStage extends Stage {
  lockedBecause: Bilingual | null;
}

const STAGE_COLUMNS =
  sql.raw(`id, edition_id as "editionId", kind, opens_on::text as "opensOn", closes_on::text as "closesOn", rubric,
  judges_per_entry as "judgesPerEntry", min_judges as "minJudges", trim_at_least as "trimAtLeast", advance_count as "advanceCount",
  advance_share_percent as "advanceSharePercent", ranked_at as "rankedAt", published_at as "publishedAt", version`);

function presentStage(r: Stage): Stage {
  return {
    ...r,
    id: num(r.id),
    editionId: num(r.editionId),
    version: num(r.version),
    rankedAt: r.rankedAt ? iso(r.rankedAt) : null,
    publishedAt: r.publishedAt ? iso(r.publishedAt) : null,
  };
}

async function stageById(tx: DbOrTx, stageId: number, lock = false): Promise<Stage & { year: number }> {
  const rows = await rowsOf<Stage & { year: number }>(
    tx,
    sql`select ${STAGE_COLUMNS}, (select year from competition_editions e where e.id = s.edition_id) as year
        from competition_stages s where id = ${stageId} ${lock ? sql`for update` : sql``}`,
  );
  if (!rows[0]) throw new AppError('not_found');
  return { ...presentStage(rows[0]), year: num(rows[0].year) };
}

export interface Edition {
  id: number;
  year: number;
  name: string;
  groups: Group[];
  version: number;
  tracks: { id: number; code: string; nameZh: string; nameEn: string; entries: number }[];
  stages: EditionStage[];
  entries: number;
  /** Entries per group, so the setup screen knows which groups may still be removed. */
  entriesByGroup: Record<Group, number>;
}

export async function listEditions(database: Database, p: Principal): Promise<Edition[]> {
  if (competitionScope(p).kind === 'none' && !isCompetitionJudge(p)) throw new AppError('not_found');
  const eds = await database.query<{
    id: number;
    year: number;
    name: string;
    entries: number;
    groups: Group[] | string;
    version: number;
    enterprise: number;
    maker: number;
  }>(
    `select e.id, e.year, e.name, to_jsonb(e.groups) as groups, e.version,
            (select count(*)::int from competition_entries x where x.edition_id = e.id) as entries,
            (select count(*)::int from competition_entries x where x.edition_id = e.id and x."group" = 'enterprise') as enterprise,
            (select count(*)::int from competition_entries x where x.edition_id = e.id and x."group" = 'maker') as maker
       from competition_editions e order by e.year desc`,
  );
  const tracks = await database.query<{
    id: number;
    editionId: number;
    code: string;
    nameZh: string;
    nameEn: string;
    entries: number;
  }>(
    `select t.id, t.edition_id as "editionId", t.code, t.name_zh as "nameZh", t.name_en as "nameEn",
            (select count(*)::int from competition_entries x where x.track_id = t.id) as entries
       from competition_tracks t order by t.id`,
  );
  const stages = await rowsOf<Stage>(database.db, sql`select ${STAGE_COLUMNS} from competition_stages order by edition_id, kind`);
  return eds.map((e) => ({
    id: num(e.id),
    year: num(e.year),
    name: e.name,
    groups: (typeof e.groups === 'string' ? (JSON.parse(e.groups) as Group[]) : e.groups).sort(),
    version: num(e.version),
    entries: num(e.entries),
    entriesByGroup: { enterprise: num(e.enterprise), maker: num(e.maker) },
    tracks: tracks
      .filter((t) => num(t.editionId) === num(e.id))
      .map((t) => ({ id: num(t.id), code: t.code, nameZh: t.nameZh, nameEn: t.nameEn, entries: num(t.entries) })),
    stages: stages
      .map(presentStage)
      .filter((s) => s.editionId === num(e.id))
      .map((s, _, all) => ({ ...s, lockedBecause: stageLock(s, all) })),
  }));
}

export function competitionSettings(date: string) {
  return { on: date, settings: settingsOn(date), tieBreak: TIE_BREAK_RULE, defaultRubric: stageDefaults(date).rubric };
}

export interface StageInput {
  kind: StageKind;
  opensOn: string;
  closesOn: string;
  rubric?: Criterion[];
  judgesPerEntry?: number;
  advanceCount?: number | null;
  advanceSharePercent?: number | null;
}

export interface EditionInput {
  year: number;
  name: string;
  groups?: Group[];
  tracks: { code: string; nameZh: string; nameEn: string }[];
  stages: StageInput[];
}

function checkStages(stages: readonly StageInput[]): Problems {
  const pr = new Problems();
  const kinds = new Set<string>();
  stages.forEach((s, i) => {
    if (kinds.has(s.kind)) pr.add(`stages[${i}].kind`, '阶段重复', 'the stage appears twice');
    kinds.add(s.kind);
    if (s.closesOn < s.opensOn)
      pr.add(`stages[${i}].closesOn`, '截止日期不能早于开始日期', 'the closing date is before the opening date');
    if (SCORED_STAGES.includes(s.kind) && s.rubric) pr.addAll(checkRubric(s.rubric, `stages[${i}].rubric`));
    if (s.advanceCount != null && s.advanceSharePercent != null)
      pr.add(
        `stages[${i}].advanceCount`,
        '晋级名额与晋级比例只能设置一项',
        'set either the number or the share advancing, not both',
      );
  });
  if (!kinds.has('registration'))
    pr.add('stages', '须设置报名阶段（报名截止日期）', 'a registration stage (with its deadline) is required');
  const ordered = [...stages].sort((a, b) => stageOrder(a.kind) - stageOrder(b.kind));
  for (let i = 1; i < ordered.length; i++)
    if (ordered[i]!.opensOn < ordered[i - 1]!.closesOn)
      pr.add(
        `stages`,
        `“${ordered[i]!.kind}”须在上一阶段结束后开始`,
        `'${ordered[i]!.kind}' must open after the previous stage closes`,
      );
  return pr;
}

export async function createEdition(database: Database, p: Principal, input: EditionInput): Promise<Edition> {
  requireOrganiser(p);
  const pr = checkStages(input.stages);
  if (!input.name.trim()) pr.add('name', '请填写届次名称', 'the name is required');
  if (input.tracks.length === 0) pr.add('tracks', '至少设置一个赛道', 'at least one track is required');
  if (input.groups && input.groups.length === 0) pr.add('groups', '至少设置一个组别', 'at least one group is required');
  const codes = input.tracks.map((t) => t.code);
  if (new Set(codes).size !== codes.length) pr.add('tracks', '赛道代码重复', 'a track code is used twice');
  pr.throwIfAny();
  const defaults = judgingDefaults(`${input.year}-01-01`);
  const fresh = stageDefaults(`${input.year}-01-01`);
  try {
    const id = await database.db.transaction(async (tx) => {
      const [e] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into competition_editions (year, name, groups)
            values (${input.year}, ${input.name.trim()}, ${`{${[...new Set(input.groups ?? ['enterprise', 'maker'])].sort().join(',')}}`}::competition_group[]) returning id`,
      );
      const editionId = num(e!.id);
      for (const t of input.tracks)
        await tx.execute(
          sql`insert into competition_tracks (edition_id, code, name_zh, name_en) values (${editionId}, ${t.code}, ${t.nameZh}, ${t.nameEn})`,
        );
      for (const s of input.stages) {
        const scored = SCORED_STAGES.includes(s.kind);
        const per = s.judgesPerEntry ?? fresh.judgesPerEntry;
        await tx.execute(sql`insert into competition_stages
          (edition_id, kind, opens_on, closes_on, rubric, judges_per_entry, min_judges, trim_at_least, advance_count, advance_share_percent)
          values (${editionId}, ${s.kind}, ${s.opensOn}, ${s.closesOn}, ${JSON.stringify(scored ? (s.rubric ?? fresh.rubric) : [])}::jsonb,
                  ${per}, ${Math.min(defaults.minJudges, per)}, ${defaults.trimFromJudges}, ${s.advanceCount ?? null}, ${s.advanceSharePercent ?? null})`);
      }
      await recordAudit(tx, actorOf(p), 'competition.edition.create', 'competition_edition', editionId, null, input);
      return editionId;
    });
    const all = await listEditions(database, p);
    return all.find((e) => e.id === id)!;
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalid(problem('year', `${input.year}年度的大赛已存在`, `an edition for ${input.year} exists already`));
    throw e;
  }
}

// ---------- registration ----------

export interface RegistrationInput {
  group: Group;
  trackId: number;
  projectName: string;
  summary: string;
  leaderName: string;
  /** Organiser only: the enterprise registered on its behalf (enterprise group). */
  enterpriseId?: number;
  /** Maker group: the team's name and its organisation (university, incubator), and whether it has a company. */
  teamName?: string;
  organisation?: string;
  unitCode?: string;
  teamHasCompany?: boolean;
}

export interface Entry {
  id: number;
  editionId: number;
  year: number;
  code: string;
  group: Group;
  trackId: number;
  trackZh: string;
  trackEn: string;
  projectName: string;
  summary: string;
  entrantName: string;
  enterpriseId: number | null;
  organisation: string | null;
  leaderName: string;
  unitCode: string | null;
  unitZh: string | null;
  eligible: boolean;
  eligibility: { eligible: boolean; rules: { rule: string; passed: boolean; reason: Bilingual }[]; on: string };
  reachedStage: StageKind;
  registeredAt: string;
}

const ENTRY_SELECT = `select x.id, x.edition_id as "editionId", ed.year, x.code, x."group", x.track_id as "trackId",
  t.name_zh as "trackZh", t.name_en as "trackEn", x.project_name as "projectName", x.summary, x.entrant_name as "entrantName",
  x.enterprise_id as "enterpriseId", x.organisation, x.leader_name as "leaderName", x.unit_code as "unitCode", u.name_zh as "unitZh",
  x.eligible, x.eligibility, x.reached_stage as "reachedStage", x.registered_at as "registeredAt"
  from competition_entries x join competition_editions ed on ed.id = x.edition_id
  join competition_tracks t on t.id = x.track_id left join units u on u.code = x.unit_code`;

function presentEntry(r: Entry): Entry {
  return {
    ...r,
    id: num(r.id),
    editionId: num(r.editionId),
    year: num(r.year),
    trackId: num(r.trackId),
    enterpriseId: r.enterpriseId === null ? null : num(r.enterpriseId),
    registeredAt: iso(r.registeredAt),
  };
}

export async function registerEntry(
  database: Database,
  p: Principal,
  editionId: number,
  input: RegistrationInput,
): Promise<Entry> {
  if (!canRegisterForCompetition(p)) throw new AppError('not_found');
  const today = todayShanghai();
  const pr = new Problems();
  if (!input.projectName.trim()) pr.add('projectName', '请填写项目名称', 'the project name is required');
  if (input.summary.trim().length < 20) pr.add('summary', '项目简介不少于20字', 'the summary needs at least 20 characters');
  if (!input.leaderName.trim()) pr.add('leaderName', '请填写项目负责人', 'the project leader is required');
  if (input.group === 'maker') {
    if (!input.teamName?.trim()) pr.add('teamName', '请填写团队名称', 'the team name is required');
    if (input.teamHasCompany === undefined)
      pr.add('teamHasCompany', '请说明团队是否已注册企业', 'say whether the team has registered a company');
  }
  if (input.group === 'enterprise' && p.role === 'city_officer' && !input.enterpriseId)
    pr.add('enterpriseId', '请选择参赛企业', 'choose the enterprise');
  if (input.group === 'enterprise' && p.role === 'enterprise_user' && input.enterpriseId && input.enterpriseId !== p.enterpriseId)
    pr.add('enterpriseId', '企业用户只能为本企业报名', 'an enterprise user registers its own enterprise only');
  pr.throwIfAny();
  const entryId = await (async () => {
    try {
      return await database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${LOCK}, ${editionId})`);
        const [ed] = await rowsOf<{ year: number; runs: boolean }>(
          tx,
          sql`select year, ${input.group}::competition_group = any(groups) as runs from competition_editions where id = ${editionId}`,
        );
        if (!ed) throw new AppError('not_found');
        if (!ed.runs) throw invalid(problem('group', '本届大赛未设置该组别', 'this edition does not run this group'));
        const [reg] = await rowsOf<{ opensOn: string; closesOn: string }>(
          tx,
          sql`select opens_on::text as "opensOn", closes_on::text as "closesOn" from competition_stages where edition_id = ${editionId} and kind = 'registration'`,
        );
        if (!reg || !stageOpenOn(reg, today))
          throw conflict(
            reg && today > reg.closesOn ? `报名已于${reg.closesOn}截止` : `报名尚未开始${reg ? `（${reg.opensOn}开始）` : ''}`,
            reg && today > reg.closesOn
              ? `registration closed on ${reg?.closesOn}`
              : `registration is not open${reg ? ` (opens ${reg.opensOn})` : ''}`,
          );
        const [track] = await rowsOf<{ id: number }>(
          tx,
          sql`select id from competition_tracks where id = ${input.trackId} and edition_id = ${editionId}`,
        );
        if (!track) throw invalid(problem('trackId', '该赛道不属于本届大赛', 'the track is not part of this edition'));
        let facts: EligibilityFacts;
        let entrantName: string;
        let enterpriseId: number | null = null;
        let unitCode: string | null = input.unitCode ?? null;
        if (input.group === 'enterprise') {
          enterpriseId = p.role === 'enterprise_user' ? p.enterpriseId! : input.enterpriseId!;
          const [ent] = await rowsOf<{
            name: string;
            unit_code: string;
            established_on: string;
            revenue: number | null;
            year: number | null;
          }>(
            tx,
            sql`select e.name, e.unit_code, e.established_on::text as established_on, y.revenue, y.year
                  from enterprises e left join lateral (select revenue, year from enterprise_yearly where enterprise_id = e.id order by year desc limit 1) y on true
                 where e.id = ${enterpriseId}`,
          );
          if (!ent) throw invalid(problem('enterpriseId', '未找到该企业', 'no such enterprise'));
          entrantName = ent.name;
          unitCode = ent.unit_code;
          facts = {
            group: 'enterprise',
            onDate: today,
            // The registry holds enterprises managed by Jinan's districts and zones only.
            registeredInJinan: true,
            establishedOn: ent.established_on,
            lastRevenue: ent.revenue === null ? null : num(ent.revenue),
            lastRevenueYear: ent.year === null ? null : num(ent.year),
          };
        } else {
          entrantName = input.teamName!.trim();
          facts = { group: 'maker', onDate: today, teamHasCompany: input.teamHasCompany! };
        }
        if (unitCode) {
          const [u] = await rowsOf<{ code: string }>(tx, sql`select code from units where code = ${unitCode}`);
          if (!u) throw invalid(problem('unitCode', '所属区县无效', 'unknown district'));
        }
        const verdict = checkEligibility(facts, eligibilitySettings(today));
        const [seq] = await rowsOf<{ n: number }>(
          tx,
          sql`select count(*)::int + 1 as n from competition_entries where edition_id = ${editionId} and "group" = ${input.group}`,
        );
        const code = projectCode(num(ed.year), input.group, num(seq!.n));
        const [row] = await rowsOf<{ id: number }>(
          tx,
          sql`insert into competition_entries (edition_id, code, "group", track_id, project_name, summary, entrant_name, enterprise_id,
                organisation, leader_name, unit_code, facts, eligible, eligibility, reached_stage, registered_by)
              values (${editionId}, ${code}, ${input.group}, ${input.trackId}, ${input.projectName.trim()}, ${input.summary.trim()}, ${entrantName},
                ${enterpriseId}, ${input.organisation?.trim() || null}, ${input.leaderName.trim()}, ${unitCode}, ${JSON.stringify(facts)}::jsonb,
                ${verdict.eligible}, ${JSON.stringify({ ...verdict, on: today })}::jsonb, ${verdict.eligible ? 'preliminary' : 'registration'}, ${p.userId})
              returning id`,
        );
        const id = num(row!.id);
        await recordAudit(tx, actorOf(p), 'competition.entry.register', 'competition_entry', id, null, {
          code,
          editionId,
          group: input.group,
          projectName: input.projectName.trim(),
          entrantName,
          eligible: verdict.eligible,
        });
        return id;
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw conflict(
          '该企业或同名项目已报名本届大赛',
          'this enterprise or a project of this name is already registered in this edition',
        );
      throw e;
    }
  })();
  return getEntry(database, p, entryId);
}

function scopeFilter(p: Principal, params: unknown[]): string {
  const s = competitionScope(p);
  if (s.kind === 'all') return 'true';
  if (s.kind === 'unit') {
    params.push(s.unitCode);
    return `x.unit_code = $${params.length}`;
  }
  if (s.kind === 'entrant') {
    params.push(s.enterpriseId, s.userId);
    return `(x.enterprise_id = $${params.length - 1} or x.registered_by = $${params.length})`;
  }
  return 'false';
}

export async function listEntries(
  database: Database,
  p: Principal,
  q: { editionId?: number; group?: Group; stage?: StageKind },
): Promise<Entry[]> {
  const params: unknown[] = [];
  const where = [scopeFilter(p, params)];
  if (q.editionId) {
    params.push(q.editionId);
    where.push(`x.edition_id = $${params.length}`);
  }
  if (q.group) {
    params.push(q.group);
    where.push(`x."group" = $${params.length}`);
  }
  if (q.stage) {
    params.push(q.stage);
    where.push(`x.reached_stage >= $${params.length}::competition_stage_kind`);
  }
  const rows = await database.query<Entry>(`${ENTRY_SELECT} where ${where.join(' and ')} order by ed.year desc, x.code`, params);
  return rows.map(presentEntry);
}

export async function getEntry(database: Database, p: Principal, id: number) {
  const params: unknown[] = [id];
  const [row] = await database.query<Entry>(`${ENTRY_SELECT} where x.id = $1 and ${scopeFilter(p, params)}`, params);
  if (!row) throw new AppError('not_found');
  const entry = presentEntry(row);
  const published = !canOrganiseCompetition(p);
  const results = await database.query<{
    kind: StageKind;
    rank: number;
    scoreCenti: number;
    judges: number;
    advanced: boolean;
    recommendation: string | null;
    explanation: unknown;
  }>(
    `select s.kind, r.rank, r.score_centi as "scoreCenti", r.judges, r.advanced, r.recommendation, r.explanation
       from competition_results r join competition_stages s on s.id = r.stage_id
      where r.entry_id = $1 ${published ? 'and s.published_at is not null' : ''} order by s.kind`,
    [id],
  );
  return {
    ...entry,
    attachments: await attachmentList(database, id),
    results,
    interests: await database.query(
      `select id, investor_name as "investorName", level, note, recorded_on::text as "recordedOn" from competition_investor_interests where entry_id = $1 order by id`,
      [id],
    ),
    investments: await database.query(
      `select id, fund_name as "fundName", fund_level as "fundLevel", amount_yuan as "amountYuan", status, status_on::text as "statusOn", note
         from competition_investments where entry_id = $1 order by id`,
      [id],
    ),
  };
}

// ---------- attachments ----------

async function attachmentList(database: Database, entryId: number) {
  const rows = await database.query<{
    id: number;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    uploadedAt: unknown;
  }>(
    `select id, file_name as "fileName", media_type as "mediaType", size_bytes as size, sha256, uploaded_at as "uploadedAt"
       from competition_attachments where entry_id = $1 order by id`,
    [entryId],
  );
  return rows.map((r) => ({ ...r, id: num(r.id), size: num(r.size), uploadedAt: iso(r.uploadedAt) }));
}

/** The entrant (whoever registered it, or its enterprise) attaches files while registration is open. */
export async function uploadAttachment(
  database: Database,
  p: Principal,
  entryId: number,
  file: { fileName: string; bytes: Buffer },
) {
  const entry = await getEntry(database, p, entryId);
  const isEntrant =
    canOrganiseCompetition(p) ||
    (p.role === 'enterprise_user' && (entry.enterpriseId === p.enterpriseId || entry.enterpriseId === null));
  if (!isEntrant) throw new AppError('forbidden');
  const recognised = recogniseDocument(file.fileName, file.bytes);
  if ('field' in recognised) throw invalid(recognised);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const today = todayShanghai();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK + 1}, ${entryId})`);
    const [reg] = await rowsOf<{ closesOn: string }>(
      tx,
      sql`select closes_on::text as "closesOn" from competition_stages where edition_id = ${entry.editionId} and kind = 'registration'`,
    );
    if (!reg || today > reg.closesOn)
      throw conflict(
        `报名已于${reg?.closesOn ?? ''}截止，不能再上传材料`,
        `registration closed on ${reg?.closesOn ?? ''}; no more attachments`,
      );
    const [same] = await rowsOf<{ id: number }>(
      tx,
      sql`select id from competition_attachments where entry_id = ${entryId} and sha256 = ${sha256}`,
    );
    if (same) return { id: num(same.id), created: false };
    const [n] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from competition_attachments where entry_id = ${entryId}`,
    );
    if (num(n!.n) >= ATTACHMENT_LIMITS.perEntry)
      throw invalid(
        problem(
          'file',
          `每个项目最多上传${ATTACHMENT_LIMITS.perEntry}个附件`,
          `at most ${ATTACHMENT_LIMITS.perEntry} attachments per project`,
        ),
      );
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into competition_attachments (entry_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
          values (${entryId}, ${file.fileName.trim()}, ${recognised.mediaType}, ${file.bytes.length}, ${sha256}, ${file.bytes}, ${p.userId}) returning id`,
    );
    await recordAudit(tx, actorOf(p), 'competition.attachment.upload', 'competition_attachment', num(row!.id), null, {
      entryId,
      fileName: file.fileName.trim(),
      mediaType: recognised.mediaType,
      size: file.bytes.length,
      sha256,
    });
    return { id: num(row!.id), created: true };
  });
}

/** Readable by whoever may read the entry, and by a judge assigned to it. */
export async function readAttachment(database: Database, p: Principal, entryId: number, attachmentId: number) {
  if (isCompetitionJudge(p)) {
    const [a] = await database.query(`select 1 from competition_assignments where entry_id = $1 and judge_id = $2`, [
      entryId,
      p.userId,
    ]);
    if (!a) throw new AppError('not_found');
  } else await getEntry(database, p, entryId);
  const [r] = await database.query<{ fileName: string; mediaType: string; content: Buffer | Uint8Array }>(
    `select file_name as "fileName", media_type as "mediaType", content from competition_attachments where id = $1 and entry_id = $2`,
    [attachmentId, entryId],
  );
  if (!r) throw new AppError('not_found');
  return { ...r, content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content) };
}

// ---------- judges, pools, ties ----------

export async function listJudges(database: Database, p: Principal, editionId: number) {
  requireOrganiser(p);
  const judges = await database.query<{ id: number; name: string; organisation: string | null }>(
    `select id, display_name as name, organisation from users where role = 'judge' order by id`,
  );
  const ties = await database.query<{
    id: number;
    judgeId: number;
    entryId: number | null;
    code: string | null;
    organisation: string | null;
    note: string;
  }>(
    `select t.id, t.judge_id as "judgeId", t.entry_id as "entryId", x.code, t.organisation, t.note
       from competition_judge_ties t left join competition_entries x on x.id = t.entry_id where t.edition_id = $1 order by t.id`,
    [editionId],
  );
  const pools = await database.query<{ stageId: number; judgeId: number }>(
    `select m.stage_id as "stageId", m.judge_id as "judgeId" from competition_pool_members m
       join competition_stages s on s.id = m.stage_id where s.edition_id = $1`,
    [editionId],
  );
  return judges.map((j) => ({
    id: num(j.id),
    name: j.name,
    organisation: j.organisation,
    ties: ties
      .filter((t) => num(t.judgeId) === num(j.id))
      .map((t) => ({ ...t, id: num(t.id), judgeId: num(t.judgeId), entryId: t.entryId === null ? null : num(t.entryId) })),
    stageIds: pools.filter((m) => num(m.judgeId) === num(j.id)).map((m) => num(m.stageId)),
  }));
}

export async function setPool(database: Database, p: Principal, stageId: number, judgeIds: number[]) {
  requireOrganiser(p);
  await database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    if (!SCORED_STAGES.includes(stage.kind))
      throw invalid(problem('stageId', '该阶段不评分，无需评审库', 'this stage is not scored'));
    const ids = [...new Set(judgeIds)];
    if (ids.length) {
      const found = await rowsOf<{ id: number }>(
        tx,
        sql`select id from users where role = 'judge' and id in ${sql`(${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`}`,
      );
      if (found.length !== ids.length)
        throw invalid(problem('judgeIds', '名单中有非评审专家用户', 'a user in the list is not a judge'));
    }
    const before = await rowsOf<{ judge_id: number }>(
      tx,
      sql`select judge_id from competition_pool_members where stage_id = ${stageId}`,
    );
    await tx.execute(sql`delete from competition_pool_members where stage_id = ${stageId}`);
    for (const j of ids)
      await tx.execute(sql`insert into competition_pool_members (stage_id, judge_id) values (${stageId}, ${j})`);
    await recordAudit(
      tx,
      actorOf(p),
      'competition.pool.set',
      'competition_stage',
      stageId,
      before.map((b) => num(b.judge_id)),
      ids,
    );
  });
  return { stageId, judgeIds: [...new Set(judgeIds)] };
}

/** A tie is declared by the judge (for themself) or recorded by the organiser. */
export async function declareTie(
  database: Database,
  p: Principal,
  editionId: number,
  input: { judgeId?: number; entryId?: number; organisation?: string; note: string },
) {
  const judgeId = isCompetitionJudge(p) ? p.userId : canOrganiseCompetition(p) ? input.judgeId : undefined;
  if (judgeId === undefined)
    throw canOrganiseCompetition(p)
      ? invalid(problem('judgeId', '请选择评审专家', 'choose the judge'))
      : new AppError('not_found');
  const pr = new Problems();
  if (!input.entryId && !input.organisation?.trim())
    pr.add('organisation', '请填写关联的项目或单位', 'name the project or the organisation');
  if (!input.note.trim()) pr.add('note', '请说明关联关系', 'describe the tie');
  pr.throwIfAny();
  return database.db.transaction(async (tx) => {
    if (input.entryId) {
      const [e] = await rowsOf<{ id: number }>(
        tx,
        sql`select id from competition_entries where id = ${input.entryId} and edition_id = ${editionId}`,
      );
      if (!e) throw invalid(problem('entryId', '该项目不属于本届大赛', 'no such project in this edition'));
    }
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into competition_judge_ties (edition_id, judge_id, entry_id, organisation, note, declared_by)
          values (${editionId}, ${judgeId}, ${input.entryId ?? null}, ${input.organisation?.trim() || null}, ${input.note.trim()}, ${p.userId}) returning id`,
    );
    // A tie declared after assignment removes the conflicted, not yet scored assignments at once,
    // matched exactly as assignment matches (conflictsOf: organisation names folded).
    const candidates = await rowsOf<{ stage_id: number; entry_id: number; entrant_name: string; organisation: string | null }>(
      tx,
      sql`select a.stage_id, a.entry_id, x.entrant_name, x.organisation from competition_assignments a
            join competition_entries x on x.id = a.entry_id
           where x.edition_id = ${editionId} and a.judge_id = ${judgeId}
             and not exists (select 1 from competition_scores s where s.stage_id = a.stage_id and s.entry_id = a.entry_id and s.judge_id = a.judge_id)`,
    );
    const tie: JudgeFacts = {
      judgeId,
      name: '',
      organisation: null,
      ties: [{ entryId: input.entryId ?? null, organisation: input.organisation?.trim() || null, note: input.note.trim() }],
    };
    const removed = candidates.filter(
      (c) => conflictsOf(tie, { entryId: num(c.entry_id), entrantName: c.entrant_name, organisation: c.organisation }).length > 0,
    );
    for (const c of removed)
      await tx.execute(
        sql`delete from competition_assignments where stage_id = ${c.stage_id} and entry_id = ${c.entry_id} and judge_id = ${judgeId}`,
      );
    await recordAudit(tx, actorOf(p), 'competition.tie.declare', 'competition_judge_tie', num(row!.id), null, {
      judgeId,
      ...input,
      removedAssignments: removed.length,
    });
    return { id: num(row!.id), removedAssignments: removed.length };
  });
}

async function judgeFacts(tx: DbOrTx, editionId: number, judgeIds: number[]): Promise<JudgeFacts[]> {
  if (!judgeIds.length) return [];
  const list = sql.join(
    judgeIds.map((i) => sql`${i}`),
    sql`, `,
  );
  const users = await rowsOf<{ id: number; name: string; organisation: string | null }>(
    tx,
    sql`select id, display_name as name, organisation from users where id in (${list}) order by id`,
  );
  const ties = await rowsOf<{ judge_id: number; entry_id: number | null; organisation: string | null; note: string }>(
    tx,
    sql`select judge_id, entry_id, organisation, note from competition_judge_ties where edition_id = ${editionId} and judge_id in (${list})`,
  );
  return users.map((u) => ({
    judgeId: num(u.id),
    name: u.name,
    organisation: u.organisation,
    ties: ties
      .filter((t) => num(t.judge_id) === num(u.id))
      .map((t) => ({ entryId: t.entry_id === null ? null : num(t.entry_id), organisation: t.organisation, note: t.note })),
  }));
}

async function stageEntries(
  tx: DbOrTx,
  stage: Stage,
): Promise<(EntryParty & { code: string; group: Group; registeredAt: string })[]> {
  const rows = await rowsOf<{
    id: number;
    entrant_name: string;
    organisation: string | null;
    code: string;
    group: Group;
    registered_at: unknown;
  }>(
    tx,
    sql`select id, entrant_name, organisation, code, "group", registered_at from competition_entries
         where edition_id = ${stage.editionId} and eligible and reached_stage >= ${stage.kind}::competition_stage_kind order by code`,
  );
  return rows.map((r) => ({
    entryId: num(r.id),
    entrantName: r.entrant_name,
    organisation: r.organisation,
    code: r.code,
    group: r.group,
    registeredAt: iso(r.registered_at),
  }));
}

function assertNotPublished(stage: Stage): void {
  if (stage.publishedAt)
    throw conflict('该阶段结果已公布，不能再更改', 'the results of this stage are published; it can no longer change');
}

/** Assigns the pool's judges to every project of the stage that lacks them; conflicted pairs are skipped with reasons. */
export async function autoAssign(database: Database, p: Principal, stageId: number) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    assertNotPublished(stage);
    if (!SCORED_STAGES.includes(stage.kind)) throw invalid(problem('stageId', '该阶段不评分', 'this stage is not scored'));
    const pool = await rowsOf<{ judge_id: number }>(
      tx,
      sql`select judge_id from competition_pool_members where stage_id = ${stageId}`,
    );
    const judges = await judgeFacts(
      tx,
      stage.editionId,
      pool.map((r) => num(r.judge_id)),
    );
    const entries = await stageEntries(tx, stage);
    const existing = (
      await rowsOf<{ entry_id: number; judge_id: number }>(
        tx,
        sql`select entry_id, judge_id from competition_assignments where stage_id = ${stageId}`,
      )
    ).map((a) => ({ entryId: num(a.entry_id), judgeId: num(a.judge_id) }));
    const plan = planAssignments(entries, judges, stage.judgesPerEntry, existing);
    for (const a of plan.assignments)
      await tx.execute(
        sql`insert into competition_assignments (stage_id, entry_id, judge_id) values (${stageId}, ${a.entryId}, ${a.judgeId}) on conflict do nothing`,
      );
    await recordAudit(tx, actorOf(p), 'competition.assign.auto', 'competition_stage', stageId, null, {
      added: plan.assignments.length,
      conflicts: plan.conflicts.length,
      shortfalls: plan.shortfalls.length,
    });
    const code = new Map(entries.map((e) => [e.entryId, e.code]));
    const name = new Map(judges.map((j) => [j.judgeId, j.name]));
    return {
      added: plan.assignments.length,
      conflicts: plan.conflicts.map((c) => ({ ...c, code: code.get(c.entryId) ?? '', judgeName: name.get(c.judgeId) ?? '' })),
      shortfalls: plan.shortfalls.map((s) => ({ ...s, code: code.get(s.entryId) ?? '' })),
    };
  });
}

/** Assigns one judge by hand; a conflicted judge is refused with the reason. */
export async function assignJudge(database: Database, p: Principal, stageId: number, entryId: number, judgeId: number) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    assertNotPublished(stage);
    const entry = (await stageEntries(tx, stage)).find((e) => e.entryId === entryId);
    if (!entry) throw invalid(problem('entryId', '该项目不在本阶段', 'the project is not in this stage'));
    const [judge] = await judgeFacts(tx, stage.editionId, [judgeId]);
    const [isJudge] = await rowsOf(tx, sql`select 1 from users where id = ${judgeId} and role = 'judge'`);
    if (!judge || !isJudge) throw invalid(problem('judgeId', '该用户不是评审专家', 'the user is not a judge'));
    const reasons = conflictsOf(judge, entry);
    if (reasons.length)
      throw invalid(
        problem(
          'judgeId',
          `存在利益冲突，不能分配：${reasons.map((r) => r.zh).join('；')}`,
          `conflict of interest, not assigned: ${reasons.map((r) => r.en).join('; ')}`,
        ),
      );
    const ins = await rowsOf(
      tx,
      sql`insert into competition_assignments (stage_id, entry_id, judge_id) values (${stageId}, ${entryId}, ${judgeId}) on conflict do nothing returning entry_id`,
    );
    if (ins.length)
      await recordAudit(tx, actorOf(p), 'competition.assign', 'competition_stage', stageId, null, { entryId, judgeId });
    return { created: ins.length > 0 };
  });
}

/** The organiser's view of a stage: each project's judges and how many scored, and whether it can be ranked. */
export async function stageProgress(database: Database, p: Principal, stageId: number) {
  requireOrganiser(p);
  const stage = await stageById(database.db, stageId);
  const entries = await stageEntries(database.db, stage);
  const rows = await database.query<{ entryId: number; judgeId: number; judgeName: string; totalCenti: number | null }>(
    `select a.entry_id as "entryId", a.judge_id as "judgeId", u.display_name as "judgeName", s.total_centi as "totalCenti"
       from competition_assignments a join users u on u.id = a.judge_id
       left join competition_scores s on s.stage_id = a.stage_id and s.entry_id = a.entry_id and s.judge_id = a.judge_id
      where a.stage_id = $1 order by a.entry_id, a.judge_id`,
    [stageId],
  );
  const items = entries.map((e) => {
    const mine = rows.filter((r) => num(r.entryId) === e.entryId);
    const scored = mine.filter((r) => r.totalCenti !== null).length;
    return {
      entryId: e.entryId,
      code: e.code,
      group: e.group,
      entrantName: e.entrantName,
      judges: mine.map((r) => ({ judgeId: num(r.judgeId), name: r.judgeName, scored: r.totalCenti !== null })),
      scored,
      complete: scored >= stage.minJudges,
    };
  });
  return { stage, items, rankable: items.length > 0 && items.every((i) => i.complete), today: todayShanghai() };
}

// ---------- blind scoring ----------

/** A judge's assigned projects: the project code and content only — never the entrant's name, enterprise or organisation. */
export async function myAssignments(database: Database, p: Principal) {
  if (!isCompetitionJudge(p)) throw new AppError('not_found');
  const today = todayShanghai();
  const rows = await database.query<{
    stageId: number;
    kind: StageKind;
    year: number;
    opensOn: string;
    closesOn: string;
    publishedAt: unknown;
    rubric: Criterion[];
    entryId: number;
    code: string;
    group: Group;
    trackZh: string;
    trackEn: string;
    projectName: string;
    summary: string;
    criteria: Record<string, number> | null;
    totalCenti: number | null;
    comment: string | null;
  }>(
    `select s.id as "stageId", s.kind, ed.year, s.opens_on::text as "opensOn", s.closes_on::text as "closesOn", s.published_at as "publishedAt", s.rubric,
            x.id as "entryId", x.code, x."group", t.name_zh as "trackZh", t.name_en as "trackEn", x.project_name as "projectName", x.summary,
            sc.criteria, sc.total_centi as "totalCenti", sc.comment
       from competition_assignments a join competition_stages s on s.id = a.stage_id join competition_editions ed on ed.id = s.edition_id
       join competition_entries x on x.id = a.entry_id join competition_tracks t on t.id = x.track_id
       left join competition_scores sc on sc.stage_id = a.stage_id and sc.entry_id = a.entry_id and sc.judge_id = a.judge_id
      where a.judge_id = $1 order by ed.year desc, s.kind desc, x.code`,
    [p.userId],
  );
  const files = await database.query<{ entryId: number; id: number; fileName: string; size: number }>(
    `select c.entry_id as "entryId", c.id, c.file_name as "fileName", c.size_bytes as size from competition_attachments c
      where c.entry_id in (select entry_id from competition_assignments where judge_id = $1) order by c.id`,
    [p.userId],
  );
  return rows.map((r) => ({
    stageId: num(r.stageId),
    stageKind: r.kind,
    year: num(r.year),
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    open: stageOpenOn(r, today) && !r.publishedAt,
    rubric: r.rubric,
    entryId: num(r.entryId),
    code: r.code,
    group: r.group,
    trackZh: r.trackZh,
    trackEn: r.trackEn,
    projectName: r.projectName,
    summary: r.summary,
    attachments: files
      .filter((f) => num(f.entryId) === num(r.entryId))
      .map((f) => ({ id: num(f.id), fileName: f.fileName, size: num(f.size) })),
    myScore:
      r.totalCenti === null ? null : { criteria: r.criteria ?? {}, totalCenti: num(r.totalCenti), comment: r.comment ?? '' },
  }));
}

export async function submitScore(
  database: Database,
  p: Principal,
  stageId: number,
  entryId: number,
  input: { scores: Record<string, number>; comment?: string },
) {
  if (!isCompetitionJudge(p)) throw new AppError('not_found');
  const today = todayShanghai();
  return database.db.transaction(async (tx) => {
    const [a] = await rowsOf(
      tx,
      sql`select 1 from competition_assignments where stage_id = ${stageId} and entry_id = ${entryId} and judge_id = ${p.userId}`,
    );
    if (!a) throw new AppError('not_found');
    const stage = await stageById(tx, stageId, true);
    assertNotPublished(stage);
    if (!stageOpenOn(stage, today))
      throw conflict(
        `评分时间为${stage.opensOn}至${stage.closesOn}，当前不在评分期内`,
        `scoring runs from ${stage.opensOn} to ${stage.closesOn}; it is not open today`,
      );
    const t = weightedTotal(stage.rubric, input.scores);
    if ('problems' in t) throw invalid(...t.problems);
    const comment = (input.comment ?? '').trim();
    const [before] = await rowsOf<{ total_centi: number }>(
      tx,
      sql`select total_centi from competition_scores where stage_id = ${stageId} and entry_id = ${entryId} and judge_id = ${p.userId}`,
    );
    await tx.execute(sql`insert into competition_scores (stage_id, entry_id, judge_id, criteria, total_centi, comment)
      values (${stageId}, ${entryId}, ${p.userId}, ${JSON.stringify(t.criteria)}::jsonb, ${t.totalCenti}, ${comment})
      on conflict (stage_id, entry_id, judge_id) do update set criteria = excluded.criteria, total_centi = excluded.total_centi,
        comment = excluded.comment, updated_at = now()`);
    await recordAudit(
      tx,
      actorOf(p),
      before ? 'competition.score.revise' : 'competition.score.submit',
      'competition_entry',
      entryId,
      before ?? null,
      {
        stageId,
        criteria: t.criteria,
        totalCenti: t.totalCenti,
      },
    );
    return { stageId, entryId, totalCenti: t.totalCenti, criteria: t.criteria };
  });
}

// ---------- ranking, publication, advancement ----------

export async function rankStage(database: Database, p: Principal, stageId: number) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    assertNotPublished(stage);
    if (!SCORED_STAGES.includes(stage.kind)) throw invalid(problem('stageId', '该阶段不评分', 'this stage is not scored'));
    const entries = await stageEntries(tx, stage);
    const scores = await rowsOf<{ entry_id: number; total_centi: number; criteria: Record<string, number> }>(
      tx,
      sql`select entry_id, total_centi, criteria from competition_scores where stage_id = ${stageId}`,
    );
    const rules = { minJudges: stage.minJudges, trimFromJudges: stage.trimAtLeast };
    const quota = recommendationQuota(`${stage.year}-01-01`);
    const incomplete: { entryId: number; code: string; scored: number; required: number; group: Group }[] = [];
    const ranked: { group: Group; rows: Extract<ReturnType<typeof rankEntries>, { status: 'ranked' }>['entries'] }[] = [];
    for (const group of ['enterprise', 'maker'] as const) {
      const inGroup = entries.filter((e) => e.group === group);
      if (!inGroup.length) continue;
      const r = rankEntries(
        inGroup.map((e) => ({
          entryId: e.entryId,
          code: e.code,
          registeredAt: e.registeredAt,
          scores: scores
            .filter((s) => num(s.entry_id) === e.entryId)
            .map((s) => ({ totalCenti: num(s.total_centi), criteria: s.criteria })),
        })),
        stage.rubric,
        rules,
      );
      if (r.status === 'incomplete') incomplete.push(...r.incomplete.map((i) => ({ ...i, group })));
      else ranked.push({ group, rows: r.entries });
    }
    if (incomplete.length) return { status: 'incomplete' as const, incomplete, results: [] };
    await tx.execute(sql`delete from competition_results where stage_id = ${stageId}`);
    for (const g of ranked) {
      const k = advancingCount(g.rows.length, { count: stage.advanceCount, sharePercent: stage.advanceSharePercent });
      for (const e of g.rows) {
        const recommendation = stage.kind === 'final' ? recommendationFor(e.rank, quota) : null;
        const explanation = {
          scored: e.aggregate.scored,
          used: e.aggregate.used,
          dropped: e.aggregate.dropped,
          meanCenti: e.aggregate.meanCenti,
          rule: rules,
          tieBreak: e.tieBreak,
          advanced: e.rank <= k ? { zh: `本组前${k}名晋级`, en: `the first ${k} of the group advance` } : null,
        };
        await tx.execute(sql`insert into competition_results (stage_id, entry_id, "group", rank, score_centi, judges, advanced, recommendation, explanation)
          values (${stageId}, ${e.entryId}, ${g.group}, ${e.rank}, ${e.aggregate.meanCenti}, ${e.aggregate.scored}, ${e.rank <= k}, ${recommendation}, ${JSON.stringify(explanation)}::jsonb)`);
      }
    }
    await tx.execute(sql`update competition_stages set ranked_at = now() where id = ${stageId}`);
    await recordAudit(tx, actorOf(p), 'competition.stage.rank', 'competition_stage', stageId, null, {
      groups: ranked.map((g) => ({ group: g.group, ranked: g.rows.length })),
    });
    return { status: 'ranked' as const, incomplete: [], results: await stageResultsTx(tx, stageId) };
  });
}

async function stageResultsTx(tx: DbOrTx, stageId: number) {
  const rows = await rowsOf<{
    entryId: number;
    code: string;
    projectName: string;
    entrantName: string;
    group: Group;
    trackZh: string;
    trackEn: string;
    unitZh: string | null;
    rank: number;
    scoreCenti: number;
    judges: number;
    advanced: boolean;
    recommendation: string | null;
    explanation: unknown;
  }>(
    tx,
    sql`select r.entry_id as "entryId", x.code, x.project_name as "projectName", x.entrant_name as "entrantName", r."group",
               t.name_zh as "trackZh", t.name_en as "trackEn", u.name_zh as "unitZh", r.rank, r.score_centi as "scoreCenti", r.judges,
               r.advanced, r.recommendation, r.explanation
          from competition_results r join competition_entries x on x.id = r.entry_id join competition_tracks t on t.id = x.track_id
          left join units u on u.code = x.unit_code where r.stage_id = ${stageId} order by r."group", r.rank`,
  );
  return rows.map((r) => ({
    ...r,
    entryId: num(r.entryId),
    rank: num(r.rank),
    scoreCenti: num(r.scoreCenti),
    judges: num(r.judges),
  }));
}

export async function stageResults(database: Database, p: Principal, stageId: number) {
  requireOrganiser(p);
  const stage = await stageById(database.db, stageId);
  return { stage, tieBreak: TIE_BREAK_RULE, results: await stageResultsTx(database.db, stageId) };
}

/** Publishes a ranked stage once: results become public and the advancing projects move on. */
export async function publishStage(database: Database, p: Principal, stageId: number) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    assertNotPublished(stage);
    if (!stage.rankedAt) throw conflict('该阶段尚未排名，不能公布', 'the stage has not been ranked; it cannot be published');
    await tx.execute(sql`update competition_stages set published_at = now() where id = ${stageId}`);
    const configured = await rowsOf<{ kind: StageKind }>(
      tx,
      sql`select kind from competition_stages where edition_id = ${stage.editionId}`,
    );
    // Projects advance to the next stage the edition has: a skipped stage is passed over.
    const next = nextConfiguredStage(
      stage.kind,
      configured.map((c) => c.kind),
    );
    const moved = next
      ? await rowsOf<{ id: number }>(
          tx,
          sql`update competition_entries x set reached_stage = ${next} from competition_results r
               where r.stage_id = ${stageId} and r.entry_id = x.id and r.advanced and x.reached_stage = ${stage.kind} returning x.id`,
        )
      : [];
    await recordAudit(tx, actorOf(p), 'competition.stage.publish', 'competition_stage', stageId, null, {
      advanced: moved.length,
      to: next,
    });
    return { publishedStageId: stageId, advanced: moved.length, nextStage: next };
  });
}

/** Published results for everyone, signed in or not: no personal data, only what a results notice shows. */
export async function publicResults(database: Database) {
  const stages = await database.query<{ id: number; year: number; name: string; kind: StageKind; publishedAt: unknown }>(
    `select s.id, e.year, e.name, s.kind, s.published_at as "publishedAt" from competition_stages s join competition_editions e on e.id = s.edition_id
      where s.published_at is not null order by e.year desc, s.kind desc`,
  );
  const out = [];
  for (const s of stages) {
    const results = await stageResultsTx(database.db, num(s.id));
    out.push({
      stageId: num(s.id),
      year: num(s.year),
      editionName: s.name,
      kind: s.kind,
      publishedAt: iso(s.publishedAt),
      results: results.map((r) => ({
        code: r.code,
        projectName: r.projectName,
        entrantName: r.entrantName,
        group: r.group,
        trackZh: r.trackZh,
        trackEn: r.trackEn,
        unitZh: r.unitZh,
        rank: r.rank,
        scoreCenti: r.scoreCenti,
        advanced: r.advanced,
        recommendation: r.recommendation,
      })),
    });
  }
  return { tieBreak: TIE_BREAK_RULE, stages: out };
}

/** The final's ranking with the recommendation level, for the provincial and national rounds. */
export async function recommendationList(database: Database, p: Principal, editionId: number) {
  requireOrganiser(p);
  const [s] = await database.query<{ id: number; year: number }>(
    `select s.id, e.year from competition_stages s join competition_editions e on e.id = s.edition_id where s.edition_id = $1 and s.kind = 'final' and s.ranked_at is not null`,
    [editionId],
  );
  if (!s) throw conflict('本届决赛尚未排名', 'the final of this edition has not been ranked');
  return { year: num(s.year), rows: await stageResultsTx(database.db, num(s.id)) };
}

// ---------- roadshow and investment ----------

async function entryForFollowUp(tx: DbOrTx, entryId: number) {
  const [e] = await rowsOf<{ reached_stage: StageKind }>(
    tx,
    sql`select reached_stage from competition_entries where id = ${entryId}`,
  );
  if (!e) throw new AppError('not_found');
  if (e.reached_stage !== 'roadshow')
    throw invalid(problem('entryId', '该项目未进入路演', 'the project has not reached the roadshow'));
}

export async function recordInterest(
  database: Database,
  p: Principal,
  entryId: number,
  input: { investorName: string; level: 'strong' | 'moderate' | 'watching'; note?: string; recordedOn: string },
) {
  requireOrganiser(p);
  if (!input.investorName.trim()) throw invalid(problem('investorName', '请填写投资机构', 'the investor is required'));
  return database.db.transaction(async (tx) => {
    await entryForFollowUp(tx, entryId);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into competition_investor_interests (entry_id, investor_name, level, note, recorded_on)
          values (${entryId}, ${input.investorName.trim()}, ${input.level}, ${input.note?.trim() ?? ''}, ${input.recordedOn})
          on conflict (entry_id, investor_name) do update set level = excluded.level, note = excluded.note, recorded_on = excluded.recorded_on returning id`,
    );
    await recordAudit(tx, actorOf(p), 'competition.interest.record', 'competition_entry', entryId, null, input);
    return { id: num(row!.id) };
  });
}

export async function followUp(database: Database, p: Principal, editionId: number) {
  requireOrganiser(p);
  const rows = await database.query<{
    entryId: number;
    code: string;
    projectName: string;
    entrantName: string;
    interests: number;
    strong: number;
    invested: number;
    disbursed: number;
  }>(
    `select x.id as "entryId", x.code, x.project_name as "projectName", x.entrant_name as "entrantName",
            (select count(*)::int from competition_investor_interests i where i.entry_id = x.id) as interests,
            (select count(*)::int from competition_investor_interests i where i.entry_id = x.id and i.level = 'strong') as strong,
            coalesce((select sum(amount_yuan) from competition_investments v where v.entry_id = x.id and v.status <> 'withdrawn'), 0)::bigint as invested,
            coalesce((select sum(amount_yuan) from competition_investments v where v.entry_id = x.id and v.status = 'disbursed'), 0)::bigint as disbursed
       from competition_entries x where x.edition_id = $1 and x.reached_stage = 'roadshow' order by x.code`,
    [editionId],
  );
  return rows.map((r) => ({ ...r, entryId: num(r.entryId), invested: num(r.invested), disbursed: num(r.disbursed) }));
}

// ---------- the season's setup: edition, groups, tracks, stages (optimistic concurrency) ----------

function stale(what: Bilingual, current: number, sent: number): AppError {
  return new AppError('stale_version', {
    detail: {
      zh: `${what.zh}已被他人修改（当前版本${current}，您提交的是版本${sent}），请刷新后重试`,
      en: `${what.en} was changed by someone else meanwhile (now version ${current}, you sent version ${sent}); reload and try again`,
    },
  });
}

export interface EditionChange {
  version: number;
  name?: string;
  groups?: Group[];
  tracks?: { id?: number; code: string; nameZh: string; nameEn: string }[];
}

const GROUP_LABEL: Record<Group, string> = { enterprise: '企业组', maker: '创客组' };

/** Edits an edition's name, groups and tracks; a group or track with entries is never removed. */
export async function updateEdition(database: Database, p: Principal, editionId: number, input: EditionChange): Promise<Edition> {
  requireOrganiser(p);
  const pr = new Problems();
  if (input.name !== undefined && !input.name.trim()) pr.add('name', '请填写届次名称', 'the name is required');
  if (input.groups !== undefined) {
    if (input.groups.length === 0) pr.add('groups', '至少设置一个组别', 'at least one group is required');
    if (new Set(input.groups).size !== input.groups.length) pr.add('groups', '组别重复', 'a group is listed twice');
  }
  if (input.tracks !== undefined) {
    if (input.tracks.length === 0) pr.add('tracks', '至少设置一个赛道', 'at least one track is required');
    const codes = input.tracks.map((t) => t.code.trim());
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) pr.add(`tracks[${i}].code`, '赛道代码重复', 'a track code is used twice');
    });
    input.tracks.forEach((t, i) => {
      if (!t.nameZh.trim()) pr.add(`tracks[${i}].nameZh`, '请填写赛道名称', 'the track name is required');
    });
  }
  pr.throwIfAny();
  await database.db.transaction(async (tx) => {
    // The registration lock: no entry can slip into a group or track while it is being removed.
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK}, ${editionId})`);
    const [ed] = await rowsOf<{ name: string; groups: Group[] | string; version: number }>(
      tx,
      sql`select name, to_jsonb(groups) as groups, version from competition_editions where id = ${editionId} for update`,
    );
    if (!ed) throw new AppError('not_found');
    if (num(ed.version) !== input.version) throw stale({ zh: '该届次', en: 'The edition' }, num(ed.version), input.version);
    const groupsBefore = typeof ed.groups === 'string' ? (JSON.parse(ed.groups) as Group[]) : ed.groups;
    const tracksBefore = await rowsOf<{ id: number; code: string; name_zh: string; name_en: string; entries: number }>(
      tx,
      sql`select t.id, t.code, t.name_zh, t.name_en, (select count(*)::int from competition_entries x where x.track_id = t.id) as entries
            from competition_tracks t where t.edition_id = ${editionId} order by t.id`,
    );
    if (input.groups)
      for (const g of groupsBefore.filter((g) => !input.groups!.includes(g))) {
        const [c] = await rowsOf<{ n: number }>(
          tx,
          sql`select count(*)::int as n from competition_entries where edition_id = ${editionId} and "group" = ${g}`,
        );
        const why = removalRefusal('group', GROUP_LABEL[g], num(c!.n));
        if (why) throw conflict(why.zh, why.en);
      }
    if (input.tracks) {
      const known = new Map(tracksBefore.map((t) => [num(t.id), t]));
      input.tracks.forEach((t, i) => {
        if (t.id !== undefined && !known.has(t.id))
          throw invalid(problem(`tracks[${i}].id`, '该赛道不属于本届大赛', 'the track is not part of this edition'));
      });
      const kept = new Set(input.tracks.filter((t) => t.id !== undefined).map((t) => t.id!));
      for (const t of tracksBefore.filter((t) => !kept.has(num(t.id)))) {
        const why = removalRefusal('track', t.name_zh, num(t.entries));
        if (why) throw conflict(why.zh, why.en);
        await tx.execute(sql`delete from competition_tracks where id = ${t.id}`);
      }
      // Codes may be swapped between tracks: park the kept ones on a temporary code first.
      for (const t of input.tracks.filter((t) => t.id !== undefined))
        await tx.execute(sql`update competition_tracks set code = ${'~' + String(t.id)} where id = ${t.id!}`);
      for (const t of input.tracks)
        if (t.id !== undefined)
          await tx.execute(
            sql`update competition_tracks set code = ${t.code.trim()}, name_zh = ${t.nameZh.trim()}, name_en = ${t.nameEn.trim()} where id = ${t.id}`,
          );
        else
          await tx.execute(
            sql`insert into competition_tracks (edition_id, code, name_zh, name_en) values (${editionId}, ${t.code.trim()}, ${t.nameZh.trim()}, ${t.nameEn.trim()})`,
          );
    }
    const groupsAfter = input.groups ? [...input.groups].sort() : groupsBefore;
    await tx.execute(sql`update competition_editions set name = ${input.name?.trim() ?? ed.name},
        groups = ${`{${groupsAfter.join(',')}}`}::competition_group[], version = version + 1 where id = ${editionId}`);
    await recordAudit(
      tx,
      actorOf(p),
      'competition.edition.update',
      'competition_edition',
      editionId,
      {
        name: ed.name,
        groups: groupsBefore,
        tracks: tracksBefore.map((t) => ({ id: num(t.id), code: t.code, nameZh: t.name_zh })),
      },
      input,
    );
  });
  return (await listEditions(database, p)).find((e) => e.id === editionId)!;
}

/** Adds a stage: a kind the edition lacks, not before a ranked stage, its dates in order with the others. */
export async function addStage(database: Database, p: Principal, editionId: number, input: StageInput): Promise<Stage> {
  requireOrganiser(p);
  try {
    return await database.db.transaction(async (tx) => {
      const [ed] = await rowsOf<{ year: number }>(
        tx,
        sql`select year from competition_editions where id = ${editionId} for update`,
      );
      if (!ed) throw new AppError('not_found');
      const existing = (
        await rowsOf<Stage>(tx, sql`select ${STAGE_COLUMNS} from competition_stages where edition_id = ${editionId}`)
      ).map(presentStage);
      const pr = new Problems();
      pr.addAll(checkNewStage(input.kind, existing));
      pr.addAll(checkStageDates([...existing, input]));
      const defaults = stageDefaults(`${num(ed.year)}-01-01`);
      const judging = judgingDefaults(`${num(ed.year)}-01-01`);
      const scored = SCORED_STAGES.includes(input.kind);
      const rubric = scored ? (input.rubric ?? defaults.rubric) : [];
      if (scored) pr.addAll(checkRubric(rubric));
      else if (input.rubric?.length) pr.add('rubric', '该阶段不评分，无需评分细则', 'this stage is not scored; it has no rubric');
      if (input.advanceCount != null && input.advanceSharePercent != null)
        pr.add('advanceCount', '晋级名额与晋级比例只能设置一项', 'set either the number or the share advancing, not both');
      pr.throwIfAny();
      const per = input.judgesPerEntry ?? defaults.judgesPerEntry;
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into competition_stages
          (edition_id, kind, opens_on, closes_on, rubric, judges_per_entry, min_judges, trim_at_least, advance_count, advance_share_percent)
          values (${editionId}, ${input.kind}, ${input.opensOn}, ${input.closesOn}, ${JSON.stringify(rubric)}::jsonb, ${per},
                  ${Math.min(judging.minJudges, per)}, ${judging.trimFromJudges}, ${input.advanceCount ?? null}, ${input.advanceSharePercent ?? null})
          returning id`,
      );
      await recordAudit(tx, actorOf(p), 'competition.stage.add', 'competition_stage', num(row!.id), null, input);
      return stageById(tx, num(row!.id));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid(problem('kind', '本届已有该阶段', 'this edition has this stage already'));
    throw e;
  }
}

export interface StageChange {
  version: number;
  opensOn?: string;
  closesOn?: string;
  rubric?: Criterion[];
  judgesPerEntry?: number;
  minJudges?: number;
  advanceCount?: number | null;
  advanceSharePercent?: number | null;
}

/**
 * Changes a stage's dates and settings. A published stage, or one the season has moved past (a
 * later stage ranked or published), is locked; the rubric is frozen once a judge has scored; a
 * change to what the ranking is computed from clears the ranking.
 */
export async function updateStage(database: Database, p: Principal, stageId: number, input: StageChange) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const stage = await stageById(tx, stageId, true);
    if (stage.version !== input.version) throw stale({ zh: '该阶段', en: 'The stage' }, stage.version, input.version);
    const next: StageSettings = {
      opensOn: input.opensOn ?? stage.opensOn,
      closesOn: input.closesOn ?? stage.closesOn,
      rubric: input.rubric ?? stage.rubric,
      judgesPerEntry: input.judgesPerEntry ?? stage.judgesPerEntry,
      minJudges: input.minJudges ?? stage.minJudges,
      trimAtLeast: stage.trimAtLeast,
      advanceCount: input.advanceCount !== undefined ? input.advanceCount : stage.advanceCount,
      advanceSharePercent: input.advanceSharePercent !== undefined ? input.advanceSharePercent : stage.advanceSharePercent,
    };
    // Choosing one advancement rule clears the other unless both were sent.
    if (input.advanceCount != null && input.advanceSharePercent === undefined) next.advanceSharePercent = null;
    if (input.advanceSharePercent != null && input.advanceCount === undefined) next.advanceCount = null;
    const [scored] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from competition_scores where stage_id = ${stageId}`,
    );
    const siblings = (
      await rowsOf<Stage>(
        tx,
        sql`select ${STAGE_COLUMNS} from competition_stages where edition_id = ${stage.editionId} and id <> ${stageId}`,
      )
    ).map(presentStage);
    const refusal = stageChangeRefusal(stage, next, num(scored!.n) > 0, siblings);
    if (refusal) throw conflict(refusal.zh, refusal.en);
    const pr = new Problems();
    pr.addAll(checkStageDates([...siblings, { kind: stage.kind, opensOn: next.opensOn, closesOn: next.closesOn }]));
    if (SCORED_STAGES.includes(stage.kind)) {
      if (input.rubric) pr.addAll(checkRubric(input.rubric));
    } else if (input.rubric?.length) pr.add('rubric', '该阶段不评分，无需评分细则', 'this stage is not scored; it has no rubric');
    if (next.minJudges > next.judgesPerEntry)
      pr.add(
        'minJudges',
        '最少评审人数不能多于每个项目的评审人数',
        'the minimum number of judges exceeds the judges per project',
      );
    if (next.advanceCount != null && next.advanceSharePercent != null)
      pr.add('advanceCount', '晋级名额与晋级比例只能设置一项', 'set either the number or the share advancing, not both');
    pr.throwIfAny();
    const clears = !!stage.rankedAt && changeClearsRanking(stage, next);
    if (clears) await tx.execute(sql`delete from competition_results where stage_id = ${stageId}`);
    await tx.execute(sql`update competition_stages set opens_on = ${next.opensOn}, closes_on = ${next.closesOn},
        rubric = ${JSON.stringify(next.rubric)}::jsonb, judges_per_entry = ${next.judgesPerEntry}, min_judges = ${next.minJudges},
        advance_count = ${next.advanceCount}, advance_share_percent = ${next.advanceSharePercent},
        ranked_at = ${clears ? null : stage.rankedAt}, version = version + 1 where id = ${stageId}`);
    const { version: _v, ...change } = input;
    await recordAudit(tx, actorOf(p), 'competition.stage.update', 'competition_stage', stageId, stage, {
      ...change,
      rankingCleared: clears,
    });
    return { stage: await stageById(tx, stageId), rankingCleared: clears };
  });
}

// ---------- declared ties ----------

/** The edition's declared ties: all of them for the organiser, a judge's own for a judge. */
export async function listTies(database: Database, p: Principal, editionId: number) {
  const judge = isCompetitionJudge(p);
  if (!judge) requireOrganiser(p);
  const [ed] = await database.query<{ id: number }>(`select id from competition_editions where id = $1`, [editionId]);
  if (!ed) throw new AppError('not_found');
  const rows = await database.query<{
    id: number;
    judgeId: number;
    judgeName: string;
    judgeOrganisation: string | null;
    entryId: number | null;
    code: string | null;
    projectName: string | null;
    organisation: string | null;
    note: string;
    declaredByName: string | null;
    selfDeclared: boolean;
    declaredAt: unknown;
  }>(
    `select t.id, t.judge_id as "judgeId", u.display_name as "judgeName", u.organisation as "judgeOrganisation",
            t.entry_id as "entryId", x.code, x.project_name as "projectName", t.organisation, t.note,
            d.display_name as "declaredByName", t.declared_by = t.judge_id as "selfDeclared", t.declared_at as "declaredAt"
       from competition_judge_ties t join users u on u.id = t.judge_id
       left join competition_entries x on x.id = t.entry_id left join users d on d.id = t.declared_by
      where t.edition_id = $1 ${judge ? 'and t.judge_id = $2' : ''} order by t.id`,
    judge ? [editionId, p.userId] : [editionId],
  );
  return rows.map((r) => ({
    ...r,
    id: num(r.id),
    judgeId: num(r.judgeId),
    entryId: r.entryId === null ? null : num(r.entryId),
    // A judge sees the blind code of a project, never its name.
    projectName: judge ? null : r.projectName,
    selfDeclared: !!r.selfDeclared,
    declaredAt: iso(r.declaredAt),
  }));
}

/** Withdraws a declared tie (the organiser any, a judge their own); assignments removed by it are not restored. */
export async function deleteTie(database: Database, p: Principal, editionId: number, tieId: number) {
  const judge = isCompetitionJudge(p);
  if (!judge) requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const [t] = await rowsOf<{ judge_id: number; entry_id: number | null; organisation: string | null; note: string }>(
      tx,
      sql`select judge_id, entry_id, organisation, note from competition_judge_ties where id = ${tieId} and edition_id = ${editionId} for update`,
    );
    if (!t || (judge && num(t.judge_id) !== p.userId)) throw new AppError('not_found');
    await tx.execute(sql`delete from competition_judge_ties where id = ${tieId}`);
    await recordAudit(tx, actorOf(p), 'competition.tie.delete', 'competition_judge_tie', tieId, t, null);
    return { deleted: tieId };
  });
}

// ---------- fund investments with their status history ----------

export interface InvestmentInput {
  fundName: string;
  fundLevel: 'national' | 'provincial' | 'city' | 'district';
  amountYuan: number;
  status?: InvestmentStatus;
  statusOn: string;
  note?: string;
}

async function investmentById(tx: DbOrTx, id: number) {
  const [v] = await rowsOf<{
    id: number;
    entryId: number;
    fundName: string;
    fundLevel: string;
    amountYuan: number;
    status: InvestmentStatus;
    statusOn: string;
    note: string;
    version: number;
  }>(
    tx,
    sql`select id, entry_id as "entryId", fund_name as "fundName", fund_level as "fundLevel", amount_yuan as "amountYuan", status,
               status_on::text as "statusOn", note, version from competition_investments where id = ${id}`,
  );
  if (!v) throw new AppError('not_found');
  const history = await rowsOf<{
    fromStatus: InvestmentStatus | null;
    toStatus: InvestmentStatus;
    statusOn: string;
    amountYuan: number;
    note: string;
    changedAt: unknown;
  }>(
    tx,
    sql`select from_status as "fromStatus", to_status as "toStatus", status_on::text as "statusOn", amount_yuan as "amountYuan", note, changed_at as "changedAt"
          from competition_investment_history where investment_id = ${id} order by id`,
  );
  return {
    ...v,
    id: num(v.id),
    entryId: num(v.entryId),
    amountYuan: num(v.amountYuan),
    version: num(v.version),
    history: history.map((h) => ({ ...h, amountYuan: num(h.amountYuan), changedAt: iso(h.changedAt) })),
  };
}

/** Records a fund's investment in a roadshow project; its history starts with the first status. */
export async function createInvestment(database: Database, p: Principal, entryId: number, input: InvestmentInput) {
  requireOrganiser(p);
  if (!input.fundName.trim()) throw invalid(problem('fundName', '请填写基金名称', 'the fund is required'));
  const status = input.status ?? 'intent';
  if (status === 'withdrawn')
    throw invalid(problem('status', '新记录的投资不能是已撤回', 'a new investment cannot start withdrawn'));
  try {
    return await database.db.transaction(async (tx) => {
      await entryForFollowUp(tx, entryId);
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into competition_investments (entry_id, fund_name, fund_level, amount_yuan, status, status_on, note)
            values (${entryId}, ${input.fundName.trim()}, ${input.fundLevel}, ${input.amountYuan}, ${status}, ${input.statusOn}, ${input.note?.trim() ?? ''})
            returning id`,
      );
      const id = num(row!.id);
      await tx.execute(sql`insert into competition_investment_history (investment_id, from_status, to_status, status_on, amount_yuan, note, changed_by)
          values (${id}, null, ${status}, ${input.statusOn}, ${input.amountYuan}, ${input.note?.trim() ?? ''}, ${p.userId})`);
      await recordAudit(tx, actorOf(p), 'competition.investment.create', 'competition_investment', id, null, {
        entryId,
        ...input,
        status,
      });
      return investmentById(tx, id);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict(
        '该基金对本项目的投资已有记录，请更新原记录',
        'this fund’s investment in the project is recorded already; update that record',
      );
    throw e;
  }
}

export interface InvestmentChange {
  version: number;
  status?: InvestmentStatus;
  statusOn?: string;
  amountYuan?: number;
  fundLevel?: InvestmentInput['fundLevel'];
  note?: string;
}

/** Moves an investment forward (or withdraws it) and/or corrects its amount; every status move is kept in its history. */
export async function updateInvestment(database: Database, p: Principal, id: number, input: InvestmentChange) {
  requireOrganiser(p);
  return database.db.transaction(async (tx) => {
    const [locked] = await rowsOf<{ id: number }>(tx, sql`select id from competition_investments where id = ${id} for update`);
    if (!locked) throw new AppError('not_found');
    const before = await investmentById(tx, id);
    if (before.version !== input.version) throw stale({ zh: '该投资记录', en: 'The investment' }, before.version, input.version);
    const status = input.status ?? before.status;
    const refusal = investmentMoveRefusal(before.status, status);
    if (refusal) throw conflict(refusal.zh, refusal.en);
    const moved = status !== before.status;
    const statusOn = input.statusOn ?? before.statusOn;
    if (moved && statusOn < before.statusOn)
      throw invalid(
        problem(
          'statusOn',
          `状态日期不能早于上一状态日期${before.statusOn}`,
          `the status date is before the previous one, ${before.statusOn}`,
        ),
      );
    if (moved && input.statusOn === undefined)
      throw invalid(problem('statusOn', '变更状态时请填写日期', 'give the date of the new status'));
    if (
      (before.status === 'withdrawn' || before.status === 'disbursed') &&
      input.amountYuan !== undefined &&
      input.amountYuan !== before.amountYuan
    )
      throw conflict('该投资已结束，金额不能再修改', 'the investment is closed; its amount can no longer change');
    const amount = input.amountYuan ?? before.amountYuan;
    const note = input.note?.trim() ?? before.note;
    await tx.execute(sql`update competition_investments set status = ${status}, status_on = ${statusOn}, amount_yuan = ${amount},
        fund_level = ${input.fundLevel ?? before.fundLevel}, note = ${note}, version = version + 1 where id = ${id}`);
    if (moved)
      await tx.execute(sql`insert into competition_investment_history (investment_id, from_status, to_status, status_on, amount_yuan, note, changed_by)
          values (${id}, ${before.status}, ${status}, ${statusOn}, ${amount}, ${input.note?.trim() ?? ''}, ${p.userId})`);
    const { history: _h, ...old } = before;
    const { version: _v, ...change } = input;
    await recordAudit(tx, actorOf(p), 'competition.investment.update', 'competition_investment', id, old, change);
    return investmentById(tx, id);
  });
}

/** The season's follow-up in one place: counts, sums and every roadshow project with its interest and investments. */
export async function followUpSummary(database: Database, p: Principal, editionId: number) {
  requireOrganiser(p);
  const [ed] = await database.query<{ year: number; name: string }>(`select year, name from competition_editions where id = $1`, [
    editionId,
  ]);
  if (!ed) throw new AppError('not_found');
  const entries = await database.query<{ entryId: number; code: string; projectName: string; entrantName: string; group: Group }>(
    `select id as "entryId", code, project_name as "projectName", entrant_name as "entrantName", "group"
       from competition_entries where edition_id = $1 and reached_stage = 'roadshow' order by code`,
    [editionId],
  );
  const interests = await database.query<{
    id: number;
    entryId: number;
    investorName: string;
    level: 'strong' | 'moderate' | 'watching';
    note: string;
    recordedOn: string;
  }>(
    `select i.id, i.entry_id as "entryId", i.investor_name as "investorName", i.level, i.note, i.recorded_on::text as "recordedOn"
       from competition_investor_interests i join competition_entries x on x.id = i.entry_id where x.edition_id = $1 order by i.id`,
    [editionId],
  );
  const invIds = await database.query<{ id: number }>(
    `select v.id from competition_investments v join competition_entries x on x.id = v.entry_id where x.edition_id = $1 order by v.id`,
    [editionId],
  );
  const investments: Awaited<ReturnType<typeof investmentById>>[] = [];
  for (const v of invIds) investments.push(await investmentById(database.db, num(v.id)));
  const byStatus = Object.fromEntries(INVESTMENT_STATUSES.map((s) => [s, { count: 0, amountYuan: 0 }])) as Record<
    InvestmentStatus,
    { count: number; amountYuan: number }
  >;
  const byFundLevel: Record<string, number> = { national: 0, provincial: 0, city: 0, district: 0 };
  for (const v of investments) {
    byStatus[v.status].count++;
    byStatus[v.status].amountYuan += v.amountYuan;
    if (v.status !== 'withdrawn') byFundLevel[v.fundLevel] = (byFundLevel[v.fundLevel] ?? 0) + v.amountYuan;
  }
  const level = { strong: 0, moderate: 0, watching: 0 };
  for (const i of interests) level[i.level]++;
  const rows = entries.map((e) => ({
    ...e,
    entryId: num(e.entryId),
    interests: interests
      .filter((i) => num(i.entryId) === num(e.entryId))
      .map((i) => ({ ...i, id: num(i.id), entryId: num(i.entryId) })),
    investments: investments.filter((v) => v.entryId === num(e.entryId)),
  }));
  return {
    editionId,
    year: num(ed.year),
    name: ed.name,
    projects: rows.length,
    withInterest: rows.filter((r) => r.interests.length > 0).length,
    invested: rows.filter((r) => r.investments.some((v) => v.status !== 'withdrawn')).length,
    interests: level,
    byStatus,
    byFundLevel,
    committedYuan: investments.filter((v) => v.status !== 'withdrawn').reduce((s, v) => s + v.amountYuan, 0),
    fundedYuan: byStatus.disbursed.amountYuan,
    rows,
  };
}
