/** Small factories for scenario facts: each fills the fields a scenario does not care about. */
import { FACTS_FORMAT, type Carrier, type PolicyFacts, type Residency, type TitleEvent } from '../../core/facts.ts';

export function title(titleId: string, over: Partial<TitleEvent> & Pick<TitleEvent, 'kind' | 'recognisedOn'>): TitleEvent {
  return {
    titleId,
    enterpriseId: over.enterpriseId ?? 'E1',
    level: over.level ?? (over.kind === 'little_giant' ? 'national' : 'provincial'),
    recognition: 'first',
    ...over,
  };
}

export function base(carrierId: string, over: Partial<Carrier> = {}): Carrier {
  return {
    carrierId,
    kind: 'demo_base',
    name: `示范基地${carrierId}`,
    level: 'provincial',
    recognisedOn: '2020-01-01',
    validUntil: '2030-12-31',
    ...over,
  };
}

export function residency(enterpriseId: string, carrierId: string, fromDate: string, toDate?: string): Residency {
  return toDate === undefined ? { enterpriseId, carrierId, fromDate } : { enterpriseId, carrierId, fromDate, toDate };
}

export function facts(parts: { titles?: TitleEvent[]; carriers?: Carrier[]; residencies?: Residency[] }): PolicyFacts {
  return {
    format: FACTS_FORMAT,
    titles: parts.titles ?? [],
    carriers: parts.carriers ?? [],
    residencies: parts.residencies ?? [],
  };
}
