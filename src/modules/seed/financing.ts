/**
 * Synthetic financing data (measure 一、（三）): institutions and their demo users, products,
 * consents (with withdrawals in the history), demands, answers and loans over the year before the
 * data set's "today". Deterministic for a seed. The demo enterprise (user `enterprise`) is left
 * without consent, so its first visit starts from the consent screen.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { arrayLiteral, unnestInsert } from '../../db/bulk.ts';
import { SHAREABLE_FIELDS } from '../financing/domain.ts';
import { Rng } from './prng.ts';

interface InstitutionSeed {
  kind: 'bank' | 'guarantee' | 'insurer';
  name: string;
  shortName: string;
  /** A demo user for it: [username, display name]. */
  user?: [string, string];
}

/** Real institution names in Jinan; everything else about them here is synthetic. */
const INSTITUTIONS: InstitutionSeed[] = [
  { kind: 'bank', name: '齐鲁银行济南分行', shortName: '齐鲁银行' },
  { kind: 'bank', name: '中国工商银行济南分行', shortName: '工商银行', user: ['bank2', '周经理（工行）'] },
  { kind: 'bank', name: '中国建设银行济南分行', shortName: '建设银行' },
  { kind: 'bank', name: '济南农村商业银行', shortName: '济南农商行' },
  { kind: 'bank', name: '招商银行济南分行', shortName: '招商银行' },
  { kind: 'guarantee', name: '济南融资担保集团有限公司', shortName: '济南融资担保', user: ['guarantee', '郑经理（融资担保）'] },
  {
    kind: 'insurer',
    name: '中国人民财产保险股份有限公司济南市分公司',
    shortName: '人保财险',
    user: ['insurer', '冯经理（人保财险）'],
  },
];

/** The demo users this file adds (the generator's `bank` joins 齐鲁银行). */
export const FINANCING_DEMO_USERS = INSTITUTIONS.flatMap((i) => (i.user ? [i.user[0]] : []));

const ALL_TITLES = ['innovative_sme', 'specialized_sme', 'little_giant', 'manufacturing_champion', 'gazelle', 'unicorn'];
const UPPER = ['specialized_sme', 'little_giant', 'manufacturing_champion', 'gazelle', 'unicorn'];

/** [institution short name, kind, name, description, titles, min, max, term, rateMin, rateMax, fee]. */
const PRODUCTS: [
  string,
  string,
  string,
  string,
  string[],
  number | null,
  number,
  number,
  number | null,
  number | null,
  number | null,
][] = [
  [
    '齐鲁银行',
    'credit_loan',
    '专精特新贷',
    '面向专精特新中小企业的纯信用贷款，线上申请、三日内答复',
    UPPER,
    500_000,
    30_000_000,
    36,
    330,
    420,
    null,
  ],
  [
    '齐鲁银行',
    'ip_pledge_loan',
    '知识产权质押贷',
    '以发明专利、商标等知识产权单独质押，不需其他抵押担保',
    ALL_TITLES,
    1_000_000,
    20_000_000,
    36,
    345,
    450,
    null,
  ],
  [
    '工商银行',
    'credit_loan',
    '科创e贷',
    '依据企业科创能力评价的线上信用贷款',
    ALL_TITLES,
    300_000,
    10_000_000,
    12,
    310,
    380,
    null,
  ],
  ['工商银行', 'ip_pledge_loan', '知惠贷', '高价值知识产权质押融资', UPPER, 2_000_000, 50_000_000, 60, 330, 410, null],
  [
    '建设银行',
    'credit_loan',
    '小巨人成长贷',
    '面向专精特新“小巨人”与单项冠军的中长期信用贷款',
    ['little_giant', 'manufacturing_champion'],
    5_000_000,
    100_000_000,
    60,
    300,
    360,
    null,
  ],
  [
    '济南农商行',
    'credit_loan',
    '创新型企业信用贷',
    '创新型中小企业首贷、信用贷',
    ['innovative_sme', 'specialized_sme'],
    200_000,
    5_000_000,
    24,
    360,
    480,
    null,
  ],
  [
    '招商银行',
    'credit_loan',
    '瞪羚贷',
    '面向瞪羚、独角兽企业的成长期信用贷款',
    ['gazelle', 'unicorn'],
    2_000_000,
    80_000_000,
    36,
    320,
    400,
    null,
  ],
  [
    '济南融资担保',
    'guarantee',
    '专精特新批量担保',
    '与合作银行批量化业务合作的专项担保产品，担保费率优惠',
    ALL_TITLES,
    500_000,
    10_000_000,
    36,
    null,
    null,
    80,
  ],
  [
    '济南融资担保',
    'guarantee',
    '知识产权质押增信担保',
    '为知识产权质押贷款提供增信',
    UPPER,
    1_000_000,
    20_000_000,
    36,
    null,
    null,
    100,
  ],
  [
    '人保财险',
    'insurance',
    '专精特新险',
    '信用保证保险：为优质中小企业贷款提供保证，费率按年计',
    UPPER,
    500_000,
    10_000_000,
    12,
    null,
    null,
    150,
  ],
];

const PURPOSES = [
  '采购原材料，满足新增订单生产',
  '购置数控加工设备，扩大产能',
  '研发投入：新一代产品中试与验证',
  '补充流动资金，支付供应商货款',
  '建设智能化生产线（数字化改造）',
  '知识产权产业化项目',
  '开拓海外市场，参加展会与认证',
];
const DECLINE_REASONS = [
  '企业近期负债率较高，暂不符合我行授信条件',
  '需求期限超出本产品可办理范围',
  '已有他行授信额度较高，建议先使用现有额度',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FinancingSeedSummary {
  institutions: number;
  products: number;
  consents: number;
  demands: number;
  responses: number;
  loans: number;
}

export async function seedFinancing(
  tx: Tx,
  opts: { seed: number; asOf: string; passwordHash: string },
): Promise<FinancingSeedSummary> {
  const r = new Rng(opts.seed).fork('financing');
  const asOf = Date.parse(opts.asOf + 'T10:00:00+08:00');

  const inst = await unnestInsert(
    tx,
    'financial_institutions',
    [
      ['kind', 'institution_kind'],
      ['name', 'text'],
      ['short_name', 'text'],
    ],
    INSTITUTIONS.map((i) => [i.kind, i.name, i.shortName]),
    'id, short_name, kind',
  );
  const idOf = new Map(inst.map((x) => [String(x.short_name), Number(x.id)]));
  const banks = inst.filter((x) => x.kind === 'bank').map((x) => Number(x.id));
  const guarantors = inst.filter((x) => x.kind === 'guarantee').map((x) => Number(x.id));
  const insurers = inst.filter((x) => x.kind === 'insurer').map((x) => Number(x.id));

  // Users: the existing demo `bank` joins 齐鲁银行; the other demo users are created here.
  for (const i of INSTITUTIONS) {
    if (!i.user) continue;
    await tx.execute(
      sql`insert into users (username, display_name, role, organisation, password_hash) values (${i.user[0]}, ${i.user[1]}, 'bank_officer', ${i.name}, ${opts.passwordHash})`,
    );
  }
  await tx.execute(
    sql`insert into institution_members (user_id, institution_id)
        select u.id, f.id from users u join financial_institutions f on f.name = u.organisation where u.role = 'bank_officer'`,
  );

  for (const p of PRODUCTS)
    await tx.execute(
      sql`insert into financing_products (institution_id, kind, name, description, eligible_titles, min_amount, max_amount, max_term_months, rate_min_bp, rate_max_bp, fee_rate_bp)
          values (${idOf.get(p[0])!}, ${p[1]}, ${p[2]}, ${p[3]}, ${arrayLiteral(p[4])}::title_kind[], ${p[5]}, ${p[6]}, ${p[7]}, ${p[8]}, ${p[9]}, ${p[10]})`,
    );

  // Enterprises with a title in force on the data set's day, except the demo enterprise.
  const holders = await rowsOf<{ id: number }>(
    tx,
    sql`select distinct t.enterprise_id as id from titles t
         where t.recognised_on <= ${opts.asOf}::date and (t.valid_until is null or t.valid_until >= ${opts.asOf}::date)
           and (t.revoked_on is null or t.revoked_on > ${opts.asOf}::date)
           and t.enterprise_id not in (select enterprise_id from users where enterprise_id is not null)
         order by 1`,
  );
  const consents: unknown[][] = [];
  const consenting: { id: number; since: number }[] = [];
  for (const h of holders) {
    if (!r.chance(0.35)) continue;
    const id = Number(h.id);
    const since = asOf - r.int(20, 400) * DAY - r.int(0, 10) * HOUR;
    const fields = SHAREABLE_FIELDS.filter((f) => f === 'titles' || f === 'unit' || f === 'industry' || r.chance(0.6));
    consents.push([id, 1, 'grant', fields.join(','), 'seed', new Date(since).toISOString()]);
    if (r.chance(0.1)) {
      // Withdrawn later: history kept, off the list now.
      consents.push([id, 2, 'withdraw', '', 'seed', new Date(since + r.int(10, 19) * DAY).toISOString()]);
      continue;
    }
    consenting.push({ id, since });
  }
  // Text arrays cannot ride in unnest (no arrays of arrays): one statement for all rows, fields joined.
  if (consents.length)
    await tx.execute(
      sql`insert into financing_consents (enterprise_id, seq, action, fields, actor_name, at)
          select e, s, a::consent_action, coalesce(string_to_array(nullif(f, ''), ','), '{}'), n, t
            from unnest(${arrayLiteral(consents.map((c) => c[0]))}::bigint[], ${arrayLiteral(consents.map((c) => c[1]))}::int[], ${arrayLiteral(consents.map((c) => c[2]))}::text[],
                        ${arrayLiteral(consents.map((c) => c[3]))}::text[], ${arrayLiteral(consents.map((c) => c[4]))}::text[], ${arrayLiteral(consents.map((c) => c[5]))}::timestamptz[]) as x(e, s, a, f, n, t)`,
    );

  let demands = 0;
  let responses = 0;
  let loans = 0;
  for (const c of consenting) {
    const n = r.chance(0.55) ? r.int(1, 2) : 0;
    for (let k = 0; k < n; k++) {
      const posted = Math.max(c.since + DAY, asOf - r.int(1, 330) * DAY) - r.int(0, 8) * HOUR;
      const collateral = r.weightedPairs([
        ['credit', 5],
        ['ip_pledge', 3],
        ['guarantee', 2],
        ['insurance', 1],
      ] as const);
      const amount = r.int(5, 300) * 100_000;
      const term = r.pick([6, 12, 12, 24, 36]);
      // Answers: most demands older than a few days have some; a few are still waiting.
      const age = (asOf - posted) / DAY;
      const answering =
        age < 2
          ? []
          : r
              .sampleWeighted(
                banks.map(() => 1),
                r.int(age < 7 ? 0 : 1, 3),
              )
              .map((i) => banks[i]!);
      const anyOffer = answering.length > 0;
      const status = !anyOffer ? (age > 120 && r.chance(0.3) ? 'closed' : 'open') : 'open';
      const [d] = await unnestInsert(
        tx,
        'financing_demands',
        [
          ['enterprise_id', 'bigint'],
          ['amount', 'bigint'],
          ['term_months', 'integer'],
          ['purpose', 'text'],
          ['collateral', 'financing_collateral'],
          ['status', 'demand_status'],
          ['posted_at', 'timestamptz'],
          ['closed_at', 'timestamptz'],
        ],
        [
          [
            c.id,
            amount,
            term,
            r.pick(PURPOSES),
            collateral,
            status,
            new Date(posted).toISOString(),
            status === 'open' ? null : new Date(posted + 90 * DAY).toISOString(),
          ],
        ],
        'id',
      );
      demands++;
      const demandId = Number(d!.id);
      let funded = false;
      for (const bank of answering) {
        const at = posted + r.int(2, 170) * HOUR;
        if (at > asOf) continue;
        const kind = r.weightedPairs([
          ['offer', 6],
          ['interested', 2],
          ['declined', 2],
        ] as const);
        const rate = r.int(300, 460);
        const offerAmount = Math.min(amount, r.int(5, 300) * 100_000);
        await unnestInsert(
          tx,
          'financing_responses',
          [
            ['demand_id', 'bigint'],
            ['institution_id', 'bigint'],
            ['kind', 'response_kind'],
            ['offer_amount', 'bigint'],
            ['offer_rate_bp', 'integer'],
            ['offer_term_months', 'integer'],
            ['note', 'text'],
            ['responder_name', 'text'],
            ['responded_at', 'timestamptz'],
            ['updated_at', 'timestamptz'],
          ],
          [
            [
              demandId,
              bank,
              kind,
              kind === 'offer' ? offerAmount : null,
              kind === 'offer' ? rate : null,
              kind === 'offer' ? term : null,
              kind === 'declined'
                ? r.pick(DECLINE_REASONS)
                : kind === 'interested'
                  ? '已安排客户经理对接，需补充近两年财务报表'
                  : null,
              'seed',
              new Date(at).toISOString(),
              new Date(at).toISOString(),
            ],
          ],
        );
        responses++;
        const grantedAt = at + r.int(7, 30) * DAY;
        if (kind === 'offer' && !funded && grantedAt <= asOf && r.chance(0.7)) {
          const guarantor =
            collateral === 'guarantee' ? r.pick(guarantors) : collateral === 'insurance' ? r.pick(insurers) : null;
          const fee = collateral === 'guarantee' ? r.int(60, 120) : collateral === 'insurance' ? r.int(100, 200) : null;
          await unnestInsert(
            tx,
            'financing_loans',
            [
              ['enterprise_id', 'bigint'],
              ['institution_id', 'bigint'],
              ['demand_id', 'bigint'],
              ['amount', 'bigint'],
              ['rate_bp', 'integer'],
              ['term_months', 'integer'],
              ['loan_type', 'financing_collateral'],
              ['guarantor_id', 'bigint'],
              ['guarantee_fee_bp', 'integer'],
              ['granted_on', 'date'],
              ['recorded_at', 'timestamptz'],
            ],
            [
              [
                c.id,
                bank,
                demandId,
                offerAmount,
                rate - r.int(0, 20),
                term,
                collateral,
                guarantor,
                fee,
                new Date(grantedAt + 8 * HOUR).toISOString().slice(0, 10),
                new Date(grantedAt).toISOString(),
              ],
            ],
          );
          await tx.execute(
            sql`update financing_demands set status = 'funded', closed_at = ${new Date(grantedAt).toISOString()}::timestamptz where id = ${demandId}`,
          );
          funded = true;
          loans++;
        }
      }
    }
  }
  return { institutions: INSTITUTIONS.length, products: PRODUCTS.length, consents: consents.length, demands, responses, loans };
}
