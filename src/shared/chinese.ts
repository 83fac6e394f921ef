/** Chinese text helpers shared by search and name matching. */
import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a name, letters and digits only ("济南齐鲁软件有限公司" → "jnqlrjyxgs"). */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
