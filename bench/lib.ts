/**
 * Shared bench helpers: a seeded PRNG, a timer, and the one JSON line every comparison prints
 * (`{"bench","ours","baseline","theirs","unit","ratio","target"}`; ratio > 1 means we are better).
 */

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const x = items[Math.floor(rand() * items.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

/** Best of `runs` wall-clock timings, in seconds; `fn` returns a value so the work is not optimised away. */
export async function bestOf<R>(runs: number, fn: () => R | Promise<R>): Promise<{ seconds: number; result: R }> {
  let best = Infinity;
  let result: R | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s < best) best = s;
  }
  if (result === undefined) throw new Error('bestOf: no run');
  return { seconds: best, result };
}

export interface Comparison {
  bench: string;
  ours: number;
  baseline: string;
  theirs: number;
  unit: string;
  /** The ratio the comparison must reach. */
  target: number;
  /** 'higher' when a bigger number is better (throughput); 'lower' for times. Default 'higher'. */
  better?: 'higher' | 'lower';
  /** Override the ratio when the comparison is not ours/theirs (e.g. "within 2×" of a reference). */
  ratio?: number;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/** Prints one JSON line and returns whether the target is met. */
export function report(c: Comparison): boolean {
  const ratio = c.ratio ?? (c.better === 'lower' ? c.theirs / c.ours : c.ours / c.theirs);
  const line = {
    bench: c.bench,
    ours: round(c.ours),
    baseline: c.baseline,
    theirs: round(c.theirs),
    unit: c.unit,
    ratio: round(ratio),
    target: c.target,
  };
  console.log(JSON.stringify(line));
  return ratio >= c.target;
}
