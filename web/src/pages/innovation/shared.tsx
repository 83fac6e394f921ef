/** Shared bits of the innovation screens: vocabulary labels, reasons, status tags, error handling in forms. */
import { App, Tag } from 'antd';
import type { FormInstance } from 'antd';
import { createContext, useContext } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import type { InnovationMe, Reason, Vocab, Vocabulary } from './api.ts';

export interface InnovationContext {
  me: InnovationMe;
  vocab: Vocabulary;
}
export const Ctx = createContext<InnovationContext | null>(null);
export function useInnovation(): InnovationContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('innovation context missing');
  return c;
}

export function useLabel(): (list: Vocab[], id: string) => string {
  const { pick } = useI18n();
  return (list, id) => {
    const v = list.find((x) => x.id === id);
    return v ? pick(v) : id;
  };
}

export function ReasonTags({ reason }: { reason: Reason }) {
  const { t } = useI18n();
  return (
    <span data-testid="match-reason">
      {reason.sharedTerms.map((w) => (
        <Tag key={w} color="blue">
          {w}
        </Tag>
      ))}
      {reason.sameField && <Tag color="green">{t('inno.reason.sameField')}</Tag>}
      {reason.industryFits && <Tag color="purple">{t('inno.reason.industry')}</Tag>}
      {reason.sameDistrict && <Tag color="orange">{t('inno.reason.sameDistrict')}</Tag>}
    </span>
  );
}

const STATUS_COLOUR: Record<string, string> = {
  published: 'green',
  closed: 'default',
  applied: 'blue',
  chosen: 'gold',
  not_chosen: 'default',
  withdrawn: 'default',
  contracted: 'cyan',
  completed: 'green',
  requested: 'blue',
  accepted: 'green',
  declined: 'red',
};

export function StatusTag({ status, prefix }: { status: string; prefix: 'status' | 'app' | 'req' }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status] ?? 'default'}>{t(`inno.${prefix}.${status}` as MessageKey)}</Tag>;
}

/** Runs a form submission: field problems go onto the form, everything else into a message. */
export function useSubmit() {
  const { message } = App.useApp();
  const { pick, t } = useI18n();
  return async <K extends string>(
    form: FormInstance | null,
    fields: readonly K[],
    run: () => Promise<unknown>,
    done?: string,
  ): Promise<boolean> => {
    try {
      await run();
      void message.success(done ?? t('common.saved'));
      return true;
    } catch (e) {
      const fe = fieldErrors(e, pick, fields);
      if (form && fe.onForm.length) form.setFields(fe.onForm);
      void message.error([errorText(e, pick), ...fe.leftOver].join('；'));
      return false;
    }
  };
}
