import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadUnitOf, MEASURES, reportingUnitsOf, RESPONSIBLE_UNITS } from './measures.ts';

const source = readFileSync(new URL('./source-draft.zh.txt', import.meta.url), 'utf8');

describe('the thirteen measures', () => {
  it('are numbered 1 to 13 in the order of the draft', () => {
    expect(MEASURES.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  for (const m of MEASURES) {
    it(`measure ${m.number} quotes the draft verbatim, followed by its responsible units as printed`, () => {
      const at = source.indexOf(m.text.textZh);
      expect(at).toBeGreaterThanOrEqual(0);
      const after = source.slice(at + m.text.textZh.length, source.indexOf('\n', at));
      // The draft prints the bracket four ways: （责任单位： (责任单位： （责任单位: (责任单位:
      expect(after).toMatch(/^[（(]责任单位[:：]/);
      expect(
        after
          .replace(/^[（(]责任单位[:：]/, '')
          .replace(/[）)]$/, '')
          .split('、'),
      ).toEqual([...m.text.responsibleUnitsZh]);
      expect(source).toContain(m.text.partZh);
    });
  }

  it('names every responsible unit in the unit list, and the lead is the first named', () => {
    const names = new Set(RESPONSIBLE_UNITS.map((u) => u.nameZh));
    for (const m of MEASURES) for (const u of m.text.responsibleUnitsZh) expect(names.has(u)).toBe(true);
    expect(leadUnitOf(MEASURES[2]!)).toBe('国家金融监督管理总局莱芜监管分局');
    expect(leadUnitOf(MEASURES[11]!)).toBe('市教育局');
  });

  it('expects reports of departments, not of collective names', () => {
    expect(reportingUnitsOf(MEASURES[0]!)).toEqual(['市工业和信息化局']);
    expect(reportingUnitsOf(MEASURES[8]!)).toEqual(['市发展改革委', '市司法局', '市市场监管局']);
  });

  it('gives every indicator a unique id under its measure', () => {
    const ids = MEASURES.flatMap((m) => m.indicators.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MEASURES) for (const i of m.indicators) expect(i.id.startsWith(`m${m.number}.`)).toBe(true);
  });
});
