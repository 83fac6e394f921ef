/**
 * `sme` — the command line. Every command works on the embedded PGlite in ./data by default
 * and on PostgreSQL when DATABASE_URL is set.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.ts';
import { normaliseUscc, validateUscc } from '../shared/uscc.ts';

const HELP = `sme — SME Ladder command line (济南市优质中小企业梯度培育平台)

  sme serve                      start the server (PORT, DATABASE_URL, SME_DATA_DIR)
  sme seed [--enterprises N] [--seed S]
                                 seed the synthetic Jinan data set into an empty database
  sme uscc CODE...               check unified social credit codes (GB 32100-2015);
                                 one JSON line each; exit 0 only if all are valid
  sme backup FILE                write a backup of every table (works on PGlite and PostgreSQL)
  sme restore FILE               replace all data with a backup, in one transaction
  sme audit verify               verify the SM3 hash chain of the audit log
  sme entitlements --year Y [--policy ID] [--input FILE] [--as-of DATE] [--store]
                                 compute the money clauses' entitlements for fiscal year Y
                                 from the database or a facts file (docs/schemas/policy-facts.v1
                                 .schema.json) and print them as JSON; --store recomputes and
                                 saves them in the database (idempotent)
  sme assess --standard ID|all [--date D] [--input FILE] [--enterprise USCC]
                                 assess enterprises against a tier standard (中小企业划型, 创新型,
                                 专精特新, 小巨人, 瞪羚, 独角兽); facts from the registry or from a
                                 sme-ladder/tier-facts@1 file; JSON (one enterprise) or JSON lines
  sme cases sync [--year Y]      open a case for every owed entitlement without one, cancel
                                 the unpaid cases of withdrawn entitlements (idempotent)
  sme notices close [--today D]  close the 公示 notices whose period ended before D (default
                                 today, Asia/Shanghai) and move their cases to finance review
                                 (idempotent; run it daily from cron)
`;

type Cmd = (args: string[]) => Promise<number>;

const log = (m: string) => process.stderr.write(m + '\n');

async function withPlatform<T>(fn: (ctx: Awaited<ReturnType<typeof import('../server/platform.ts').openPlatform>>) => Promise<T>): Promise<T> {
  const { openPlatform } = await import('../server/platform.ts');
  const ctx = await openPlatform(loadConfig(), log);
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

const commands: Record<string, Cmd> = {
  async uscc(args) {
    if (args.length === 0) {
      log('usage: sme uscc CODE...');
      return 2;
    }
    let allValid = true;
    for (const raw of args) {
      const v = validateUscc(normaliseUscc(raw));
      allValid &&= v.valid;
      process.stdout.write(JSON.stringify({ code: raw, valid: v.valid, reason: v.reason }) + '\n');
    }
    return allValid ? 0 : 1;
  },

  async serve() {
    const { openPlatform, seedIfEmpty } = await import('../server/platform.ts');
    const { buildApp } = await import('../server/app.ts');
    const config = loadConfig();
    const ctx = await openPlatform(config, log);
    await seedIfEmpty(ctx, log);
    const app = await buildApp(ctx, { logger: process.env.LOG_REQUESTS === 'true' });
    const address = await app.listen({ port: config.port, host: config.host });
    log(`SME Ladder is running at ${address.replace('0.0.0.0', 'localhost')}  (API docs: /api/docs)`);
    const stop = async () => {
      log('stopping …');
      await app.close();
      await ctx.database.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    return new Promise<number>(() => {});
  },

  async seed(args) {
    const { values } = parseArgs({ args, options: { enterprises: { type: 'string' }, seed: { type: 'string' } } });
    if (values.enterprises) process.env.SME_SEED_ENTERPRISES = values.enterprises;
    if (values.seed) process.env.SME_SEED = values.seed;
    const { seedIfEmpty } = await import('../server/platform.ts');
    const { isSeeded } = await import('../modules/seed/service.ts');
    return withPlatform(async (ctx) => {
      if (await isSeeded(ctx.database)) {
        log('the database already has enterprises; seeding is only for an empty database');
        return 1;
      }
      await seedIfEmpty({ ...ctx, config: { ...ctx.config, seedOnFirstStart: true } }, log);
      return 0;
    });
  },

  async backup(args) {
    const file = args[0];
    if (!file) {
      log('usage: sme backup FILE');
      return 2;
    }
    const { backup } = await import('../modules/backup/service.ts');
    return withPlatform(async (ctx) => {
      const r = await backup(ctx.database, file);
      process.stdout.write(JSON.stringify({ file, ...r }) + '\n');
      return 0;
    });
  },

  async restore(args) {
    const file = args[0];
    if (!file) {
      log('usage: sme restore FILE');
      return 2;
    }
    const { restore } = await import('../modules/backup/service.ts');
    return withPlatform(async (ctx) => {
      const r = await restore(ctx.database, file);
      process.stdout.write(JSON.stringify({ file, ...r }) + '\n');
      return 0;
    });
  },

  async audit(args) {
    if (args[0] !== 'verify') {
      log('usage: sme audit verify');
      return 2;
    }
    const { verifyAudit } = await import('../modules/audit/service.ts');
    return withPlatform(async (ctx) => {
      const r = await verifyAudit(ctx.database);
      process.stdout.write(JSON.stringify({ ok: r.problem === null, entries: r.entries, problem: r.problem }) + '\n');
      return r.problem ? 1 : 0;
    });
  },
};

async function entitlementsCmd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      policy: { type: 'string' },
      input: { type: 'string' },
      'as-of': { type: 'string' },
      store: { type: 'boolean', default: false },
    },
  });
  const fiscalYear = Number(values.year);
  if (!values.year || !Number.isInteger(fiscalYear)) {
    log('usage: sme entitlements --year Y [--policy ID] [--input FILE] [--as-of DATE] [--store]');
    return 2;
  }
  const { computeEvaluation, recompute } = await import('../modules/entitlements/service.ts');
  const opts = { fiscalYear, ...(values.policy ? { policyId: values.policy } : {}), ...(values['as-of'] ? { asOf: values['as-of'] } : {}) };
  if (values.input) {
    const fs = await import('node:fs');
    const { parseFacts } = await import('../../policy/core/facts.ts');
    const parsed = parseFacts(JSON.parse(fs.readFileSync(values.input, 'utf8')) as unknown);
    if (!parsed.ok) {
      for (const pr of parsed.problems) log(JSON.stringify(pr));
      return 1;
    }
    process.stdout.write(JSON.stringify(computeEvaluation(parsed.facts, opts), null, 2) + '\n');
    return 0;
  }
  const { loadFacts } = await import('../modules/entitlements/facts.ts');
  return withPlatform(async (ctx) => {
    if (values.store) {
      const counts = await recompute(ctx.database, { id: null, name: 'cli' }, opts);
      process.stdout.write(JSON.stringify({ fiscalYear, ...counts }) + '\n');
      return 0;
    }
    const facts = await loadFacts(ctx.database, [fiscalYear]);
    process.stdout.write(JSON.stringify(computeEvaluation(facts, opts), null, 2) + '\n');
    return 0;
  });
}

commands.entitlements = entitlementsCmd;

commands.assess = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      standard: { type: 'string' },
      date: { type: 'string' },
      input: { type: 'string' },
      enterprise: { type: 'string' },
    },
  });
  const { STANDARD_IDS, isStandardId, parseTierFacts, tierAssessor } = await import('../../policy/tier-standards/index.ts');
  const { isIsoDate, todayShanghai } = await import('../shared/dates.ts');
  const date = values.date ?? todayShanghai();
  const std = values.standard;
  if (!std || (std !== 'all' && !isStandardId(std)) || !isIsoDate(date)) {
    log(`usage: sme assess --standard ${STANDARD_IDS.join('|')}|all [--date YYYY-MM-DD] [--input FILE] [--enterprise USCC]`);
    return 2;
  }
  const ids = std === 'all' ? [...STANDARD_IDS] : [std];
  const a = tierAssessor();
  const assessOne = (f: import('../../policy/tier-standards/index.ts').TierFacts) => ({
    enterpriseId: f.enterpriseId,
    name: f.name ?? null,
    uscc: f.uscc ?? null,
    date,
    results: ids.map((id) => a.assess(id, f, date)),
  });
  const print = (many: boolean, x: unknown) =>
    process.stdout.write((many ? JSON.stringify(x) : JSON.stringify(x, null, 2)) + '\n');
  if (values.input) {
    const fs = await import('node:fs');
    const parsed = parseTierFacts(JSON.parse(fs.readFileSync(values.input, 'utf8')) as unknown);
    if (!parsed.ok) {
      for (const pr of parsed.problems) log(JSON.stringify(pr));
      return 1;
    }
    const list = parsed.value.enterprises.filter((e) => !values.enterprise || e.uscc === values.enterprise);
    if (list.length === 0) {
      log('no enterprise in the file matches');
      return 1;
    }
    for (const f of list) print(list.length > 1, assessOne(f));
    return 0;
  }
  const { tierFactsChunks } = await import('../modules/tiers/facts.ts');
  return withPlatform(async (ctx) => {
    const where = values.enterprise ? { sql: 'e.uscc = $1', params: [values.enterprise] } : { sql: 'true', params: [] };
    let n = 0;
    for await (const chunk of tierFactsChunks(ctx.database, where, Number(date.slice(0, 4)) - 1)) {
      for (const f of chunk.facts) {
        print(!values.enterprise, assessOne(f));
        n++;
      }
    }
    if (n === 0) {
      log(values.enterprise ? `no enterprise with USCC ${values.enterprise}` : 'the registry is empty');
      return 1;
    }
    return 0;
  });
};

commands.cases = async (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' } } });
  if (positionals[0] !== 'sync' || (values.year !== undefined && !/^\d{4}$/.test(values.year))) {
    log('usage: sme cases sync [--year Y]');
    return 2;
  }
  const { syncCases } = await import('../modules/cases/service.ts');
  return withPlatform(async (ctx) => {
    const r = await syncCases(ctx.database, { id: null, name: 'cli' }, values.year ? { fiscalYear: Number(values.year) } : {});
    process.stdout.write(JSON.stringify(r) + '\n');
    return 0;
  });
};

commands.notices = async (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { today: { type: 'string' } } });
  const { isIsoDate, todayShanghai } = await import('../shared/dates.ts');
  if (positionals[0] !== 'close' || (values.today !== undefined && !isIsoDate(values.today))) {
    log('usage: sme notices close [--today YYYY-MM-DD]');
    return 2;
  }
  const { closeDueNotices } = await import('../modules/cases/notices.ts');
  return withPlatform(async (ctx) => {
    const today = values.today ?? todayShanghai();
    const r = await closeDueNotices(ctx.database, today, { id: null, name: 'cli' });
    process.stdout.write(JSON.stringify({ today, ...r }) + '\n');
    return 0;
  });
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    log(`unknown command '${name}'\n\n${HELP}`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
