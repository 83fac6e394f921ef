/** Title tags in one colour per title, from the entry rung (创新型) to the top (独角兽). */
import { Space, Tag } from 'antd';
import type { TitleKind } from '../api/types.ts';
import { useReferenceData } from '../auth/ReferenceData.tsx';

export const TITLE_ORDER: readonly TitleKind[] = [
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'manufacturing_champion',
  'gazelle',
  'unicorn',
];

export const TITLE_COLOURS: Record<TitleKind, string> = {
  innovative_sme: 'cyan',
  specialized_sme: 'blue',
  little_giant: 'volcano',
  manufacturing_champion: 'gold',
  gazelle: 'green',
  unicorn: 'purple',
};

export function TitleTag({ kind }: { kind: TitleKind }) {
  const ref = useReferenceData();
  return (
    <Tag color={TITLE_COLOURS[kind] ?? 'default'} data-testid={`title-tag-${kind}`}>
      {ref.titleKind(kind)}
    </Tag>
  );
}

export function TitleTags({ kinds }: { kinds: readonly TitleKind[] }) {
  const sorted = [...kinds].sort((a, b) => TITLE_ORDER.indexOf(a) - TITLE_ORDER.indexOf(b));
  return (
    <Space size={[0, 4]} wrap>
      {sorted.map((kind) => (
        <TitleTag key={kind} kind={kind} />
      ))}
    </Space>
  );
}
