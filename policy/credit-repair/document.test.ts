import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURE_9_TEXT_ZH } from './document.ts';

describe('measure 9', () => {
  it('quotes the draft verbatim', () => {
    const source = readFileSync(new URL('../jinan-quality-sme-measures/source-draft.zh.txt', import.meta.url), 'utf8');
    expect(source).toContain(MEASURE_9_TEXT_ZH);
  });
});
