/**
 * Synthetic IP records (measures 一、（三）/三、（十）): for every enterprise holding a title in force
 * on the data set's day, items in proportion to the registry's latest IP counts (capped, so the
 * default 20,000-enterprise seed stays fast): patents with valid application numbers (check digit
 * computed), software copyrights, a few plant varieties and layout designs, trademarks; most
 * self-developed and related to the main product; some acquired, some lapsed. Older pledges
 * (released, outside the platform) on some invention patents, and the financing seed's IP-pledge
 * loans linked to items of the borrowing enterprise. The demo enterprise gets none: its page starts
 * empty. Deterministic for a seed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { arrayLiteral, unnestInsert } from '../../db/bulk.ts';
import { addMonths } from '../../../policy/core/dates.ts';
import { patentCheckDigit, type IpKind } from '../../../policy/ip/index.ts';
import { Rng } from './prng.ts';

const TOPICS = [
  '数控机床',
  '工业机器人',
  '新能源汽车电驱',
  '锂电池隔膜',
  '生物医药',
  '医疗器械',
  '智能传感器',
  '激光加工',
  '储能系统',
  '工业软件',
  '新材料',
  '精密减速器',
  '氢燃料电池',
  '智慧农业',
  '轨道交通',
];
const INVENTION = [
  '一种{t}的控制方法',
  '一种{t}用高强度复合结构及其制备方法',
  '基于机器视觉的{t}缺陷检测方法',
  '一种{t}的热管理系统及方法',
  '一种{t}故障诊断方法',
];
const UTILITY = ['一种{t}用快速夹紧装置', '一种{t}的散热结构', '一种便于维护的{t}外壳', '一种{t}用定位工装'];
const DESIGN = ['{t}控制面板', '{t}外壳（二）', '{t}操作终端'];
const SOFTWARE = ['{t}远程监控平台V{v}', '{t}数据采集与分析系统V{v}', '{t}生产执行管理软件V{v}'];
const PLANT = ['济农{v}号', '泉丰{v}号'];
const LAYOUT = ['{t}专用信号处理芯片', '{t}电源管理芯片'];
const TRADEMARK = ['泉{t}', '齐鲁{t}'];
const PLEDGEES = ['齐鲁银行济南分行', '中国工商银行济南分行', '中国建设银行济南分行', '招商银行济南分行', '济南农村商业银行'];

const TYPE_DIGIT: Partial<Record<IpKind, string>> = { invention_patent: '1', utility_model: '2', design_patent: '3' };

function patentNumber(kind: IpKind, year: number, serial: number): string {
  const digits = `${year}${TYPE_DIGIT[kind]}${String(serial).padStart(7, '0')}`;
  return `${digits}.${patentCheckDigit(digits)}`;
}

function fill(r: Rng, templates: readonly string[]): string {
  return r
    .pick(templates)
    .replace('{t}', r.pick(TOPICS))
    .replace('{v}', String(r.int(1, 5)) + '.0');
}

export interface IpSeedSummary {
  records: number;
  pledges: number;
  linkedLoans: number;
}

export async function seedIp(tx: Tx, opts: { seed: number; asOf: string }): Promise<IpSeedSummary> {
  const r = new Rng(opts.seed).fork('ip');
  const asOfYear = Number(opts.asOf.slice(0, 4));
  const ents = await rowsOf<Record<string, unknown>>(
    tx,
    sql`select e.id, extract(year from e.established_on)::int as est, ip.invention_patents, ip.utility_models, ip.design_patents,
               ip.software_copyrights, ip.trademarks, ip.class1_high_value
          from enterprises e
          join lateral (select * from enterprise_ip where enterprise_id = e.id order by year desc limit 1) ip on true
         where exists (select 1 from titles t where t.enterprise_id = e.id and t.recognised_on <= ${opts.asOf}::date
                         and (t.valid_until is null or t.valid_until >= ${opts.asOf}::date) and (t.revoked_on is null or t.revoked_on > ${opts.asOf}::date))
           and e.id not in (select enterprise_id from users where enterprise_id is not null)
         order by e.id`,
  );
  const rows: unknown[][] = [];
  const awards: [number, string, string, string][] = [];
  const history: {
    enterprise: number;
    kind: string;
    number: string;
    on: string;
    amount: number;
    released: string;
    pledgee: string;
  }[] = [];
  let serial = 1;
  for (const e of ents) {
    const id = Number(e.id);
    const first = Math.max(2008, Number(e.est));
    const hv = Number(e.class1_high_value);
    const plan: [IpKind, number][] = [
      ['invention_patent', Math.min(Number(e.invention_patents), 8)],
      ['utility_model', Math.min(Number(e.utility_models), 8)],
      ['design_patent', Math.min(Number(e.design_patents), 3)],
      ['software_copyright', Math.min(Number(e.software_copyrights), 6)],
      ['trademark', Math.min(Number(e.trademarks), 2)],
    ];
    if (r.chance(0.01)) plan.push(['plant_variety', 1]);
    if (r.chance(0.02)) plan.push(['ic_layout', 1]);
    let hvLeft = hv;
    for (const [kind, n] of plan) {
      for (let k = 0; k < n; k++) {
        const year = r.int(first, Math.max(first, asOfYear - 1));
        const applied = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        const lag = {
          invention_patent: r.int(14, 36),
          utility_model: r.int(5, 12),
          design_patent: r.int(4, 9),
          software_copyright: r.int(1, 3),
          plant_variety: r.int(18, 36),
          ic_layout: r.int(2, 5),
          trademark: r.int(8, 14),
        }[kind];
        let granted: string | null = addMonths(applied, lag);
        let status = 'valid';
        if (granted > opts.asOf) {
          granted = null;
          status = 'pending';
        } else if (r.chance(0.05)) status = 'lapsed';
        const years = Math.max(0, asOfYear - year);
        const patent = kind in TYPE_DIGIT;
        let family = 0;
        let maint = patent && granted ? Math.min(years + 1, 20) : 0;
        if (kind === 'invention_patent' && granted && status === 'valid' && hvLeft > 0) {
          hvLeft--;
          // The registry's high-value count becomes one of the four reasons.
          const why = r.int(0, 2);
          if (why === 0) family = r.int(1, 4);
          else if (why === 1)
            awards.push([
              id,
              kind,
              patentNumber(kind, year, serial),
              r.pick(['china_patent_excellence', 'china_patent_excellence', 'china_patent_silver', 'national_sci_tech']),
            ]);
          else maint = Math.max(maint, 11);
        }
        if (maint > years + 1) maint = years + 1;
        const number =
          kind in TYPE_DIGIT
            ? patentNumber(kind, year, serial)
            : kind === 'software_copyright'
              ? `${applied.slice(0, 4)}SR${String(serial).padStart(7, '0')}`
              : kind === 'plant_variety'
                ? `CNA${year}${String(serial % 10000).padStart(4, '0')}.${r.int(0, 9)}`
                : kind === 'ic_layout'
                  ? `BS.${String(year).slice(2)}5${String(serial).padStart(6, '0')}`
                  : String(10_000_000 + serial);
        serial++;
        const acquired = r.chance(0.12) && granted ? addMonths(opts.asOf, -r.int(2, 40)) : null;
        const title = fill(
          r,
          {
            invention_patent: INVENTION,
            utility_model: UTILITY,
            design_patent: DESIGN,
            software_copyright: SOFTWARE,
            plant_variety: PLANT,
            ic_layout: LAYOUT,
            trademark: TRADEMARK,
          }[kind],
        );
        rows.push([
          id,
          kind,
          number,
          patent,
          title,
          applied,
          granted,
          status,
          maint,
          family,
          patent && r.chance(0.6) ? r.poisson(kind === 'invention_patent' ? 3 : 1) : null,
          acquired ? 'acquired' : 'self_developed',
          acquired && acquired < (granted ?? applied) ? granted : acquired,
          kind === 'trademark' ? true : r.chance(0.85),
        ]);
        if (kind === 'invention_patent' && granted && r.chance(0.06)) {
          const on = addMonths(granted, r.int(3, 24));
          const released = addMonths(on, 12);
          if (released < opts.asOf)
            history.push({
              enterprise: id,
              kind,
              number,
              on,
              amount: r.int(2, 15) * 1_000_000,
              released,
              pledgee: r.pick(PLEDGEES),
            });
        }
      }
    }
  }
  const COLUMNS = [
    ['enterprise_id', 'bigint'],
    ['kind', 'ip_kind'],
    ['number', 'text'],
    ['number_verified', 'boolean'],
    ['title', 'text'],
    ['applied_on', 'date'],
    ['granted_on', 'date'],
    ['legal_status', 'ip_legal_status'],
    ['maintenance_years_paid', 'int'],
    ['foreign_family_count', 'int'],
    ['citations', 'int'],
    ['origin', 'ip_origin'],
    ['acquired_on', 'date'],
    ['related_to_main_product', 'boolean'],
  ] as const;
  for (let i = 0; i < rows.length; i += 20000) await unnestInsert(tx, 'ip_records', COLUMNS, rows.slice(i, i + 20000));
  if (awards.length)
    await tx.execute(sql`update ip_records r set awards = array[x.a] from unnest(${arrayLiteral(awards.map((a) => a[0]))}::bigint[],
        ${arrayLiteral(awards.map((a) => a[1]))}::ip_kind[], ${arrayLiteral(awards.map((a) => a[2]))}::text[], ${arrayLiteral(awards.map((a) => a[3]))}::text[]) as x(e, k, n, a)
        where r.enterprise_id = x.e and r.kind = x.k and r.number = x.n`);
  if (history.length)
    await tx.execute(sql`insert into ip_pledges (ip_record_id, pledgee, amount, registered_on, released_on)
        select r.id, x.p, x.amt, x.o, x.rel from unnest(${arrayLiteral(history.map((h) => h.enterprise))}::bigint[], ${arrayLiteral(history.map((h) => h.kind))}::ip_kind[],
          ${arrayLiteral(history.map((h) => h.number))}::text[], ${arrayLiteral(history.map((h) => h.pledgee))}::text[], ${arrayLiteral(history.map((h) => h.amount))}::bigint[],
          ${arrayLiteral(history.map((h) => h.on))}::date[], ${arrayLiteral(history.map((h) => h.released))}::date[]) as x(e, k, n, p, amt, o, rel)
        join ip_records r on r.enterprise_id = x.e and r.kind = x.k and r.number = x.n`);
  // The financing seed's IP-pledge loans, secured on one or two granted, valid patents of the
  // borrower that are free on the loan day; released when the term has run out.
  const loans = await rowsOf<Record<string, unknown>>(
    tx,
    sql`select l.id, l.enterprise_id, l.amount, l.term_months, l.granted_on::text as granted_on, f.name as bank
          from financing_loans l join financial_institutions f on f.id = l.institution_id
         where l.loan_type = 'ip_pledge' and exists (select 1 from ip_records r where r.enterprise_id = l.enterprise_id)
         order by l.enterprise_id, l.granted_on, l.id`,
  );
  const items = await rowsOf<Record<string, unknown>>(
    tx,
    sql`select r.id, r.enterprise_id, r.granted_on::text as granted_on from ip_records r
         where r.kind in ('invention_patent', 'utility_model') and r.legal_status = 'valid'
           and r.enterprise_id in (select enterprise_id from financing_loans where loan_type = 'ip_pledge') order by r.kind, r.id`,
  );
  const byEnt = new Map<number, { id: number; granted: string; busyUntil: string }[]>();
  for (const it of items) {
    const k = Number(it.enterprise_id);
    const xs = byEnt.get(k) ?? [];
    xs.push({ id: Number(it.id), granted: String(it.granted_on), busyUntil: '' });
    byEnt.set(k, xs);
  }
  const links: [number, number, string, number, string, string | null][] = [];
  const linked = new Set<number>();
  for (const l of loans) {
    const on = String(l.granted_on);
    const free = (byEnt.get(Number(l.enterprise_id)) ?? []).filter(
      (x) => x.granted <= on && x.busyUntil < on && x.busyUntil !== 'active',
    );
    const take = free.slice(0, r.int(1, 2));
    const end = addMonths(on, Number(l.term_months));
    const released = end < opts.asOf ? end : null;
    for (const x of take) {
      links.push([x.id, Number(l.id), String(l.bank), Number(l.amount), on, released]);
      x.busyUntil = released ?? 'active';
      linked.add(Number(l.id));
    }
  }
  if (links.length)
    await unnestInsert(
      tx,
      'ip_pledges',
      [
        ['ip_record_id', 'bigint'],
        ['loan_id', 'bigint'],
        ['pledgee', 'text'],
        ['amount', 'bigint'],
        ['registered_on', 'date'],
        ['released_on', 'date'],
      ],
      links,
    );
  // A seeded IP-pledge loan whose borrower had no free patent on the day becomes a credit loan: every
  // ip_pledge loan names its pledged items, as recording one (here or on a financing demand) requires.
  await tx.execute(
    sql`update financing_loans l set loan_type = 'credit' where l.loan_type = 'ip_pledge' and not exists (select 1 from ip_pledges p where p.loan_id = l.id)`,
  );
  return { records: rows.length, pledges: history.length + links.length, linkedLoans: linked.size };
}
