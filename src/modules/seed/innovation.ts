/**
 * Synthetic innovation data (measures 十一, 十二): a catalogue of university achievements and
 * enterprises' R&D demands built from Jinan's industries (innovation-vocabulary.ts), 揭榜
 * applications through choice, contract, completion and government support, large enterprises'
 * shared resources and SMEs' requests. Deterministic for a seed; sizes follow the number of
 * enterprises (20,000 → 3,000 achievements, 2,000 demands).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import type { PersonalDataCipher } from '../../shared/crypto.ts';
import { TECH_FIELDS, fieldOfIndustry, type TechField } from '../innovation/domain.ts';
import { terms, tsvectorLiteral } from '../innovation/segment.ts';
import { recountTerms } from '../innovation/match.ts';
import { Rng } from './prng.ts';
import { GIVEN_CHARS, MOBILE_PREFIXES, SURNAMES } from './vocabulary.ts';
import {
  ACHIEVEMENT_SUFFIXES,
  BENEFITS,
  FIELD_VOCABULARY,
  INSTITUTIONS,
  PAINS,
  RESOURCE_TERMS,
  RESOURCE_TITLES,
  TEAM_SUFFIXES,
} from './innovation-vocabulary.ts';

const FIELD_IDS = TECH_FIELDS.map((f) => f.id);
const MATURITY_WEIGHTS: [string, number][] = [
  ['lab', 3],
  ['prototype', 4],
  ['pilot', 3],
  ['industrialised', 2],
];
const IP_WEIGHTS: [string, number][] = [
  ['invention_patent', 6],
  ['utility_model', 2],
  ['software_copyright', 2],
  ['know_how', 1],
  ['none', 1],
];

export interface GeneratedAchievement {
  title: string;
  summary: string;
  field: TechField;
  maturity: string;
  ipKind: string;
  ipNumber: string | null;
  owner: string;
  team: string;
  unitCode: string;
  contactName: string;
  contactPhone: string;
}

function personName(rng: Rng): string {
  return rng.weightedPairs(SURNAMES) + rng.pick(GIVEN_CHARS) + (rng.chance(0.6) ? rng.pick(GIVEN_CHARS) : '');
}

function phone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** One achievement: a title from its field's topics and techniques, an owner weighted by size. */
export function generateAchievement(rng: Rng, field?: TechField): GeneratedAchievement {
  const f = field ?? rng.pick(FIELD_IDS);
  const v = FIELD_VOCABULARY[f];
  const topic = rng.pick(v.topics);
  const tech = rng.pick(v.techniques);
  const other = rng.pick(v.techniques);
  const suffix = rng.pick(ACHIEVEMENT_SUFFIXES);
  const form = rng.int(0, 3);
  const title =
    form === 0
      ? `基于${tech}的${topic}${suffix}`
      : form === 1
        ? `${topic}${tech}${suffix}`
        : form === 2
          ? `高性能${topic}${tech}技术`
          : `面向${topic}的${tech}与${other}${suffix}`;
  const inst = rng.weightedPairs(INSTITUTIONS.map((i) => [i, i.weight] as const));
  const lead = personName(rng);
  const team = rng.chance(0.5)
    ? `${lead.slice(0, 1)}${rng.pick(['教授', '研究员'])}${rng.pick(TEAM_SUFFIXES)}`
    : `${topic}${rng.pick(TEAM_SUFFIXES)}`;
  const ipKind = rng.weightedPairs(IP_WEIGHTS);
  const year = rng.int(2018, 2025);
  const ipNumber =
    ipKind === 'invention_patent' || ipKind === 'utility_model'
      ? `ZL${year}${ipKind === 'invention_patent' ? '1' : '2'}${String(rng.int(0, 9_999_999)).padStart(7, '0')}.${rng.int(0, 9)}`
      : ipKind === 'software_copyright'
        ? `${year}SR${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
        : null;
  const summary = `针对${topic}${rng.pick(PAINS)}的问题，${team}采用${tech}与${other}方法，形成${suffix === '方法' ? '成套技术' : suffix}，${rng.pick(BENEFITS)}。`;
  return {
    title,
    summary,
    field: f,
    maturity: rng.weightedPairs(MATURITY_WEIGHTS),
    ipKind,
    ipNumber,
    owner: inst.name,
    team,
    unitCode: inst.unitCode,
    contactName: lead,
    contactPhone: phone(rng),
  };
}

export interface GeneratedDemand {
  title: string;
  description: string;
  field: TechField;
  budget: number;
}

export function generateDemand(rng: Rng, field: TechField, industryWord: string): GeneratedDemand {
  const v = FIELD_VOCABULARY[field];
  const topic = rng.pick(v.topics);
  const tech = rng.pick(v.techniques);
  const pain = rng.pick(PAINS);
  const form = rng.int(0, 3);
  const title =
    form === 0
      ? `${topic}${tech}技术攻关`
      : form === 1
        ? `解决${topic}${pain}问题`
        : form === 2
          ? `寻求${topic}${tech}合作`
          : `${topic}${tech}与国产化替代`;
  const budget = Math.round(rng.logNormal(600_000, 0.8) / 10_000) * 10_000 || 50_000;
  const description = `我公司主营${industryWord}，${topic}目前存在${pain}的问题，希望与高校院所合作，通过${tech}提升产品竞争力，预算约${Math.round(budget / 10_000)}万元。`;
  return { title, description, field, budget };
}

const addDays = (iso: string, n: number) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

export interface InnovationSeedSummary {
  achievements: number;
  demands: number;
  applications: number;
  contracts: number;
  resources: number;
  requests: number;
}

interface EnterpriseFact {
  id: number;
  industry_code: string;
  size_class: string;
  name: string;
}

/** Inserts achievements in one statement per chunk; words and vectors computed here (segment.ts). */
export async function insertAchievements(
  tx: DbOrTx,
  list: GeneratedAchievement[],
  cipher: PersonalDataCipher | null,
  createdAt?: string[],
): Promise<void> {
  for (let i = 0; i < list.length; i += 1000) {
    const chunk = list.slice(i, i + 1000);
    const col = (f: (a: GeneratedAchievement, j: number) => unknown) => arrayLiteral(chunk.map((a, j) => f(a, i + j)));
    await tx.execute(
      sql`insert into tech_achievements (title, summary, field, maturity, ip_kind, ip_number, owner, team, unit_code, contact_name_enc, contact_phone_enc, terms, search, created_at, updated_at)
          select t, s, f::tech_field, m::tech_maturity, k::tech_ip_kind, n, o, tm, u, cn, cp, string_to_array(w, ' '), v::tsvector, coalesce(c::timestamptz, now()), coalesce(c::timestamptz, now())
            from unnest(${col((a) => a.title)}::text[], ${col((a) => a.summary)}::text[], ${col((a) => a.field)}::text[], ${col((a) => a.maturity)}::text[],
                        ${col((a) => a.ipKind)}::text[], ${col((a) => a.ipNumber)}::text[], ${col((a) => a.owner)}::text[], ${col((a) => a.team)}::text[],
                        ${col((a) => a.unitCode)}::text[], ${col((a) => (cipher ? cipher.encrypt(a.contactName) : null))}::text[],
                        ${col((a) => (cipher ? cipher.encrypt(a.contactPhone) : null))}::text[], ${col((a) => terms(a.title, a.summary).join(' '))}::text[],
                        ${col((a) => tsvectorLiteral(a.title, a.summary))}::text[], ${col((_a, j) => createdAt?.[j] ?? null)}::text[])
              as x(t, s, f, m, k, n, o, tm, u, cn, cp, w, v, c)`,
    );
  }
}

export async function seedInnovation(
  tx: DbOrTx,
  opts: { seed: number; asOf: string; cipher: PersonalDataCipher; enterprises: number },
): Promise<InnovationSeedSummary> {
  const rng = new Rng(opts.seed ^ 0x1a0b17);
  const nAch = Math.max(60, Math.round(opts.enterprises * 0.15));
  const nDem = Math.max(40, Math.round(opts.enterprises * 0.1));

  // Achievements, spread over the two years before "today".
  const achievements = Array.from({ length: nAch }, () => generateAchievement(rng));
  const created = achievements.map(() => addDays(opts.asOf, -rng.int(1, 730)) + 'T09:00:00+08:00');
  await insertAchievements(tx, achievements, opts.cipher, created);

  // Demands of technology firms, in the field their industry belongs to.
  const firms = await rowsOf<EnterpriseFact>(tx, sql`select id, industry_code, size_class, name from enterprises order by id`);
  const tech = firms.filter((e) => fieldOfIndustry(e.industry_code) && e.size_class !== 'large');
  const demands: (GeneratedDemand & { enterpriseId: number; deadline: string; status: string; postedAt: string })[] = [];
  for (let i = 0; i < nDem && tech.length; i++) {
    const e = rng.pick(tech);
    const field = fieldOfIndustry(e.industry_code)!;
    const d = generateDemand(
      rng,
      rng.chance(0.85) ? field : rng.pick(FIELD_IDS),
      e.name.replace(/^济南|有限公司$|股份有限公司$/g, '').slice(2, 6) || '制造',
    );
    const postedDaysAgo = rng.int(1, 540);
    const deadline = addDays(opts.asOf, -postedDaysAgo + rng.int(90, 720));
    demands.push({
      ...d,
      enterpriseId: e.id,
      deadline,
      status: rng.chance(0.08) ? 'closed' : 'published',
      postedAt: addDays(opts.asOf, -postedDaysAgo) + 'T10:00:00+08:00',
    });
  }
  const demandIds: number[] = [];
  for (let i = 0; i < demands.length; i += 1000) {
    const chunk = demands.slice(i, i + 1000);
    const col = (f: (d: (typeof demands)[number]) => unknown) => arrayLiteral(chunk.map(f));
    const rows = await rowsOf<{ id: number }>(
      tx,
      sql`insert into tech_demands (enterprise_id, title, description, field, budget, deadline, status, terms, search, posted_at, updated_at)
          select e, t, s, f::tech_field, b, dl::date, st::catalogue_status, string_to_array(w, ' '), v::tsvector, p::timestamptz, p::timestamptz
            from unnest(${col((d) => d.enterpriseId)}::bigint[], ${col((d) => d.title)}::text[], ${col((d) => d.description)}::text[], ${col((d) => d.field)}::text[],
                        ${col((d) => d.budget)}::bigint[], ${col((d) => d.deadline)}::text[], ${col((d) => d.status)}::text[],
                        ${col((d) => terms(d.title, d.description).join(' '))}::text[], ${col((d) => tsvectorLiteral(d.title, d.description))}::text[], ${col((d) => d.postedAt)}::text[])
              as x(e, t, s, f, b, dl, st, w, v, p)
          returning id`,
    );
    demandIds.push(...rows.map((r) => Number(r.id)));
  }

  // 揭榜: a quarter of the demands have takers; some are chosen, contracted, completed, supported.
  const apps: unknown[][] = [];
  let contracts = 0;
  demands.forEach((d, i) => {
    if (!rng.chance(0.25)) return;
    const posted = d.postedAt.slice(0, 10);
    const orgs = rng
      .sampleWeighted(
        INSTITUTIONS.map((x) => x.weight),
        rng.int(1, 3),
      )
      .map((k) => INSTITUTIONS[k]!.name);
    const chosen = rng.chance(0.5) ? rng.int(0, orgs.length - 1) : -1;
    orgs.forEach((org, k) => {
      let status = chosen === -1 ? 'applied' : k === chosen ? 'chosen' : 'not_chosen';
      let amount: number | null = null;
      let signed: string | null = null;
      let completed: string | null = null;
      let support: number | null = null;
      const age = Math.max(1, Math.round((Date.parse(opts.asOf) - Date.parse(posted)) / 86_400_000));
      if (status === 'chosen' && rng.chance(0.7) && age > 30) {
        status = 'contracted';
        amount = Math.max(10_000, Math.round((d.budget * rng.real(0.6, 1.1)) / 1000) * 1000);
        signed = addDays(posted, rng.int(15, Math.min(age - 1, 120)));
        contracts++;
        if (rng.chance(0.35)) support = Math.round((amount * rng.real(0.1, 0.3)) / 1000) * 1000;
        const doneAfter = rng.int(90, 400);
        if (addDays(signed, doneAfter) < opts.asOf && rng.chance(0.6)) {
          status = 'completed';
          completed = addDays(signed, doneAfter);
        }
      }
      const team = `${rng.pick(FIELD_VOCABULARY[d.field].topics)}${rng.pick(TEAM_SUFFIXES)}`;
      const applied = addDays(posted, rng.int(1, Math.min(age, 30))) + 'T11:00:00+08:00';
      apps.push([
        demandIds[i],
        org,
        team,
        `拟采用${rng.pick(FIELD_VOCABULARY[d.field].techniques)}方法解决“${d.title}”，分阶段完成样机与验证。`,
        Math.round((d.budget * rng.real(0.7, 1.2)) / 1000) * 1000,
        status,
        amount,
        signed,
        completed,
        support,
        support ? '市级产学研协同创新项目资助' : null,
        applied,
      ]);
    });
  });
  for (let i = 0; i < apps.length; i += 1000) {
    const chunk = apps.slice(i, i + 1000);
    const col = (k: number) => arrayLiteral(chunk.map((r) => r[k]));
    await tx.execute(
      sql`insert into tech_applications (demand_id, organisation, team, proposal, quote, status, contract_amount, contract_signed_on, completed_on, support_amount, support_note, applied_at, updated_at)
          select d, o, t, p, q, s::tech_application_status, a, sg::date, c::date, sp, sn, ap::timestamptz, ap::timestamptz
            from unnest(${col(0)}::bigint[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::bigint[], ${col(5)}::text[], ${col(6)}::bigint[],
                        ${col(7)}::text[], ${col(8)}::text[], ${col(9)}::bigint[], ${col(10)}::text[], ${col(11)}::text[])
              as x(d, o, t, p, q, s, a, sg, c, sp, sn, ap)`,
    );
  }

  // Large enterprises open resources; SMEs request them.
  const large = firms.filter((e) => e.size_class === 'large');
  const smes = firms.filter((e) => e.size_class === 'small' || e.size_class === 'medium');
  const kinds = Object.keys(RESOURCE_TITLES);
  const resources: unknown[][] = [];
  for (const e of large) {
    const n = rng.int(0, 2);
    for (let k = 0; k < n; k++) {
      const kind = rng.pick(kinds);
      const title = rng.pick(RESOURCE_TITLES[kind]!);
      resources.push([
        e.id,
        kind,
        title.includes('共享') ? title : `${title}共享开放`,
        `${e.name}向产业链中小企业开放${title}，支持研发试验与产品验证。`,
        rng.pick(RESOURCE_TERMS),
        addDays(opts.asOf, -rng.int(1, 500)) + 'T09:30:00+08:00',
      ]);
    }
  }
  let resourceIds: number[] = [];
  if (resources.length) {
    const col = (k: number) => arrayLiteral(resources.map((r) => r[k]));
    const rows = await rowsOf<{ id: number }>(
      tx,
      sql`insert into shared_resources (enterprise_id, kind, title, description, terms_of_use, posted_at)
          select e, k::resource_kind, t, d, tu, p::timestamptz from unnest(${col(0)}::bigint[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[], ${col(5)}::text[]) as x(e, k, t, d, tu, p)
          returning id`,
    );
    resourceIds = rows.map((r) => Number(r.id));
  }
  const requests: unknown[][] = [];
  const statuses: [string, number][] = [
    ['requested', 3],
    ['accepted', 3],
    ['declined', 1],
    ['completed', 3],
    ['withdrawn', 1],
  ];
  resourceIds.forEach((rid) => {
    if (!smes.length) return;
    const seen = new Set<number>();
    for (let k = rng.int(0, 3); k > 0; k--) {
      const e = rng.pick(smes);
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const status = rng.weightedPairs(statuses);
      const from = addDays(opts.asOf, status === 'requested' || status === 'accepted' ? rng.int(3, 60) : -rng.int(30, 300));
      requests.push([
        rid,
        e.id,
        '用于新产品研发试验与性能验证',
        from,
        addDays(from, rng.int(1, 30)),
        status,
        status === 'declined' ? '该时段设备已排满' : null,
      ]);
    }
  });
  if (requests.length) {
    const col = (k: number) => arrayLiteral(requests.map((r) => r[k]));
    await tx.execute(
      sql`insert into resource_requests (resource_id, enterprise_id, purpose, from_date, to_date, status, answer)
          select r, e, p, f::date, t::date, s::resource_request_status, a from unnest(${col(0)}::bigint[], ${col(1)}::bigint[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[], ${col(5)}::text[], ${col(6)}::text[]) as x(r, e, p, f, t, s, a)`,
    );
  }
  await recountTerms(tx, 'achievement');
  await recountTerms(tx, 'demand');
  return {
    achievements: nAch,
    demands: demandIds.length,
    applications: apps.length,
    contracts,
    resources: resourceIds.length,
    requests: requests.length,
  };
}
