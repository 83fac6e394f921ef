/**
 * Synthetic penalty agencies and their decisions (两书同达) for the demo data set: a few city
 * agencies, the demo `agency` user linked to the market regulator, decisions over 2024–2026 on
 * registry enterprises classified by policy/credit-repair, most delivered with the notice, some
 * repaired, a few repair applications past their time limit. Deterministic for a seed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { addMonths } from '../../../policy/core/dates.ts';
import { assessPenalty, type PenaltyLine, type Sector } from '../../../policy/credit-repair/index.ts';
import { WORKING_DAYS } from '../credit/domain.ts';
import { Rng, hash32 } from './prng.ts';

const AGENCIES: {
  name: string;
  docPrefix: string;
  sector: Sector;
  address: string;
  phone: string;
  basis: string;
  violations: string[];
}[] = [
  {
    name: '济南市市场监督管理局',
    docPrefix: '济市监',
    sector: 'market_regulation',
    address: '济南市历下区龙鼎大道1号龙奥大厦',
    phone: '0531-12315',
    basis: '《中华人民共和国产品质量法》第四十九条',
    violations: ['生产不符合保障人体健康和人身、财产安全的国家标准的产品', '广告中使用绝对化用语', '未按规定公示年度报告'],
  },
  {
    name: '济南市生态环境局',
    docPrefix: '济环罚',
    sector: 'ecology_environment',
    address: '济南市市中区站前路9号',
    phone: '0531-66608000',
    basis: '《中华人民共和国大气污染防治法》第一百零八条',
    violations: ['未按规定安装污染防治设施', '超标排放大气污染物'],
  },
  {
    name: '济南市应急管理局',
    docPrefix: '济应急罚',
    sector: 'work_safety',
    address: '济南市历下区龙奥北路1号',
    phone: '0531-51706000',
    basis: '《中华人民共和国安全生产法》第九十七条',
    violations: ['未按规定对从业人员进行安全生产教育和培训', '未如实记录安全生产教育和培训情况'],
  },
  {
    name: '济南市消防救援支队',
    docPrefix: '济消行罚',
    sector: 'fire_safety',
    address: '济南市历下区解放路108号',
    phone: '0531-96119',
    basis: '《中华人民共和国消防法》第六十条',
    violations: ['消防设施、器材未保持完好有效', '占用、堵塞疏散通道'],
  },
];

const METHODS = ['direct', 'post', 'electronic', 'direct', 'direct', 'electronic'] as const;

function penaltiesFor(rng: Rng): PenaltyLine[] {
  const roll = rng.next();
  if (roll < 0.12) return [{ type: 'warning' }];
  if (roll < 0.75) return [{ type: 'fine', amountYuan: rng.int(5, 300) * 1000 }];
  if (roll < 0.92)
    return [
      { type: 'fine', amountYuan: rng.int(10, 200) * 1000 },
      { type: 'confiscation', amountYuan: rng.int(1, 80) * 1000 },
    ];
  return [{ type: 'fine', amountYuan: rng.int(100, 500) * 1000 }, { type: 'production_suspension' }];
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(from + 'T00:00:00Z');
  const b = Date.parse(to + 'T00:00:00Z');
  return new Date(a + rng.int(0, Math.floor((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

export async function seedCredit(tx: Tx, opts: { seed: number; asOf: string }): Promise<{ agencies: number; decisions: number }> {
  const rng = new Rng(hash32(`credit:${opts.seed}`));
  const agencyIds: number[] = [];
  for (const a of AGENCIES) {
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into penalty_agencies (name, doc_prefix, sector, address, phone) values (${a.name}, ${a.docPrefix}, ${a.sector}, ${a.address}, ${a.phone}) returning id`,
    );
    agencyIds.push(Number(row!.id));
  }
  await tx.execute(
    sql`insert into penalty_agency_users (user_id, agency_id)
        select u.id, a.id from users u join penalty_agencies a on a.name = u.organisation where u.role = 'penalty_agency'`,
  );
  const enterprises = await rowsOf<{ id: number; name: string; uscc: string }>(
    tx,
    sql`select id, name, uscc from enterprises order by id`,
  );
  const [demo] = await rowsOf<{ enterprise_id: number }>(tx, sql`select enterprise_id from users where username = 'enterprise'`);
  const n = Math.min(400, Math.max(12, Math.floor(enterprises.length / 40)));
  const picks = enterprises.length ? Array.from({ length: n }, () => enterprises[rng.int(0, enterprises.length - 1)]!) : [];
  const demoEnterprise = enterprises.find((e) => demo && Number(e.id) === Number(demo.enterprise_id));
  if (demoEnterprise) picks.unshift(demoEnterprise, demoEnterprise);
  const seq = new Map<number, number>();
  let count = 0;
  for (const [i, ent] of picks.entries()) {
    const ai = i < 2 ? 0 : rng.int(0, AGENCIES.length - 1);
    const agency = AGENCIES[ai]!;
    const agencyId = agencyIds[ai]!;
    // The demo enterprise: one record repaired in 2025, one open and repairable now.
    const decisionDate = i === 0 ? '2025-03-12' : i === 1 ? addMonths(opts.asOf, -7) : dateBetween(rng, '2024-01-02', opts.asOf);
    const penalties = i < 2 ? [{ type: 'fine' as const, amountYuan: i === 0 ? 30_000 : 50_000 }] : penaltiesFor(rng);
    const procedure = penalties.length === 1 && penalties[0]!.type === 'warning' && rng.chance(0.5) ? 'simple' : 'ordinary';
    const a = assessPenalty({ decisionDate, procedure, sector: agency.sector, penalties }, WORKING_DAYS);
    const year = decisionDate.slice(0, 4);
    const k = (seq.get(agencyId * 10_000 + Number(year)) ?? 0) + 1;
    seq.set(agencyId * 10_000 + Number(year), k);
    const decisionNo = `${agency.docPrefix}〔${year}〕${k}号`;
    const amount = penalties.reduce((s, l) => s + ('amountYuan' in l ? (l.amountYuan ?? 0) : 0), 0);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into penalty_decisions (agency_id, decision_no, party_name, uscc, enterprise_id, decision_date, procedure, sector, penalties, amount_total,
            legal_basis, violation, rule_set, severity, notice_required, published, publicity_from, earliest_repair_on, publicity_ends_on, repair_working_days, assessment)
          values (${agencyId}, ${decisionNo}, ${ent.name}, ${ent.uscc}, ${ent.id}, ${decisionDate}, ${procedure}, ${agency.sector}, ${JSON.stringify(penalties)}::jsonb,
            ${amount}, ${agency.basis}, ${rng.pick(agency.violations)}, ${a.ruleSet.id}, ${a.severity}, ${a.noticeRequired}, ${a.published}, ${a.publicityFrom},
            ${a.earliestRepairOn}, ${a.publicityEndsOn}, ${a.repairWorkingDays}, ${JSON.stringify(a)}::jsonb)
          returning id`,
    );
    const id = Number(row!.id);
    count++;
    await tx.execute(
      sql`update penalty_decisions set notice_no = ${`${agency.docPrefix}信修告〔${year}〕${id}号`} where id = ${id}`,
    );
    const roll = rng.next();
    if (roll < 0.94 && decisionDate < opts.asOf) {
      const documents = a.noticeRequired && roll > 0.86 && i >= 2 ? 'decision_only' : 'both';
      // Delivered within five days of the decision (never after the data set's date).
      const lastDay = new Date(Date.parse(decisionDate + 'T00:00:00Z') + 5 * 86_400_000).toISOString().slice(0, 10);
      const delivered = `${dateBetween(rng, decisionDate, lastDay < opts.asOf ? lastDay : opts.asOf)}T0${rng.int(1, 8)}:30:00.000Z`;
      await tx.execute(
        sql`insert into penalty_deliveries (decision_id, delivered_at, method, documents, recipient, receipt_ref)
            values (${id}, ${delivered}, ${rng.pick(METHODS)}, ${documents}, ${'法定代表人'}, ${`SDHZ-${year}-${String(id).padStart(5, '0')}`})`,
      );
    }
    // Repairs for some records past their earliest date.
    if (a.published && a.earliestRepairOn && a.earliestRepairOn < opts.asOf && (i === 0 || (i >= 2 && rng.chance(0.35)))) {
      const received =
        i === 0
          ? a.earliestRepairOn
          : dateBetween(rng, a.earliestRepairOn, a.publicityEndsOn! < opts.asOf ? a.publicityEndsOn! : opts.asOf);
      const dueOn = WORKING_DAYS.addWorkingDays(received, a.repairWorkingDays);
      const late = rng.chance(0.12);
      const decided =
        i === 0
          ? WORKING_DAYS.addWorkingDays(received, 4)
          : WORKING_DAYS.addWorkingDays(received, late ? a.repairWorkingDays + rng.int(2, 6) : rng.int(2, a.repairWorkingDays));
      const pending = i !== 0 && decided > opts.asOf;
      const state = pending ? 'pending' : i === 0 || rng.chance(0.85) ? 'approved' : 'rejected';
      const materials = a.materials.map((m) => ({ material: m, ref: `${m}-${id}.pdf` }));
      await tx.execute(
        sql`insert into repair_applications (decision_id, enterprise_id, received_on, materials, statement, due_on, state, decided_on, reason, trace)
            values (${id}, ${ent.id}, ${received}, ${JSON.stringify(materials)}::jsonb, ${'已缴清罚没款并完成整改，承诺今后依法经营。'}, ${dueOn}, ${state},
              ${pending ? null : decided}, ${state === 'rejected' ? '整改证明材料不足，未能证明已消除不良影响' : null},
              ${JSON.stringify({ ruleSet: a.ruleSet, workingDays: a.repairWorkingDays, calendar: 'chinese-days', seeded: true })}::jsonb)`,
      );
    }
  }
  return { agencies: AGENCIES.length, decisions: count };
}
