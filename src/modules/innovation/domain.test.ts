import { describe, expect, it } from 'vitest';
import {
  canMove,
  checkAchievement,
  checkDemand,
  fieldOfIndustry,
  matchReason,
  reasonText,
  vocabularyId,
  TECH_FIELDS,
} from './domain.ts';
import { segment, terms, tsqueryLiteral, tsvectorLiteral } from './segment.ts';

describe('segmentation with the domain dictionary', () => {
  it('keeps domain words whole and also yields their parts for search', () => {
    const w = segment('基于工业互联网的数控机床预测性维护');
    expect(w).toEqual(expect.arrayContaining(['工业互联网', '数控机床', '预测性维护', '机床']));
  });
  it('drops stop words, single characters, digits and punctuation', () => {
    const w = segment('一种基于技术的研究方法，精度0.05mm的热处理');
    expect(w).not.toContain('技术');
    expect(w).not.toContain('一种');
    expect(w).not.toContain('的');
    expect(w.every((x) => /^[\p{Script=Han}a-z0-9]+$/u.test(x) && [...x].length >= 2)).toBe(true);
  });
  it('builds literals PostgreSQL parses as they are: title words weighted A', () => {
    expect(tsvectorLiteral('数控机床', '数控机床热误差')).toMatch(/^'数控':1A/);
    expect(tsvectorLiteral('数控机床', '')).toContain("'数控机床':3A");
    expect(tsqueryLiteral(['数控机床', '精度', '数控机床'])).toBe("'数控机床' | '精度'");
    expect(tsqueryLiteral([])).toBeNull();
    expect(terms('锂电池', '锂电池热失控')).toEqual([...new Set(terms('锂电池', '锂电池热失控'))]);
  });
});

describe('checks name every bad field', () => {
  it('a demand: title, field, budget in whole yuan, deadline not past', () => {
    const r = checkDemand({ title: 'ab', field: 'x', budget: 1.5, deadline: '2026-02-30' }, '2026-11-28');
    expect(r.problems.map((p) => p.field).sort()).toEqual(['budget', 'deadline', 'field', 'title']);
    expect(
      checkDemand(
        { title: '数控机床热误差补偿', field: 'intelligent_manufacturing', budget: '500,000', deadline: '2027-01-01' },
        '2026-11-28',
      ).problems,
    ).toEqual([]);
  });
  it('an achievement: a patent needs its number; a phone must look like one', () => {
    const r = checkAchievement({
      title: '激光焊接工艺研究',
      field: 'new_materials',
      maturity: 'pilot',
      ipKind: 'invention_patent',
      team: '课题组',
      contactPhone: '12345',
    });
    expect(r.problems.map((p) => p.field).sort()).toEqual(['contactPhone', 'ipNumber']);
  });
});

describe('揭榜 steps and reasons', () => {
  it('moves only forward along the state machine', () => {
    expect(canMove('applied', 'chosen')).toBe(true);
    expect(canMove('chosen', 'contracted')).toBe(true);
    expect(canMove('applied', 'contracted')).toBe(false);
    expect(canMove('completed', 'withdrawn')).toBe(false);
  });
  it('shows shared words in the query order, without parts of a longer shared word', () => {
    const r = matchReason(['数控', '机床', '数控机床', '精度'], ['精度', '数控机床', '数控', '机床'], true, false);
    expect(r.sharedTerms).toEqual(['数控机床', '精度']);
    expect(reasonText(r, 'zh')).toBe('共同关键词：数控机床、精度；技术领域相同');
  });
  it('places industries in fields by the longest prefix, and reads labels in import cells', () => {
    expect(fieldOfIndustry('C3581')).toBe('biomedicine');
    expect(fieldOfIndustry('C3421')).toBe('intelligent_manufacturing');
    expect(fieldOfIndustry('F5174')).toBeNull();
    expect(vocabularyId(TECH_FIELDS, '新材料')).toBe('new_materials');
  });
});
