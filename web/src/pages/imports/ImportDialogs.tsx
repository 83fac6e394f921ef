/**
 * The dialogs of an import: register a not-found firm (on apply), apply (with what it will
 * create), and revert (with the API's refusal when money has been paid).
 */
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import * as api from '../../api/endpoints.ts';
import type { ImportRow, ImportSummary, SizeClass } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { formatCount } from '../../util/format.ts';
import { importTitle, problemPlace } from './importShared.tsx';

// ---------- create the enterprise of a not-found row ----------

interface CreateValues {
  uscc: string;
  name: string;
  unitCode?: string;
  industryCode: string;
  establishedOn: Dayjs;
  sizeClass: SizeClass;
  address?: string;
}

const CREATE_FIELDS = ['uscc', 'name', 'unitCode', 'industryCode', 'establishedOn', 'sizeClass', 'address'] as const satisfies readonly (keyof CreateValues)[];

interface CreateProps {
  importId: number;
  row: ImportRow | null;
  onClose: () => void;
  onDone: (row: ImportRow) => void;
}

export function CreateEnterpriseModal({ importId, row, onClose, onDone }: CreateProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('common.required') }];

  useEffect(() => {
    if (row) form.setFieldsValue({ uscc: row.uscc ?? '', name: row.name });
  }, [row, form]);

  async function save(v: CreateValues) {
    if (!row) return;
    setBusy(true);
    try {
      const updated = await api.decideImportRow(importId, row.rowNo, {
        action: 'create',
        uscc: v.uscc.trim(),
        name: v.name.trim(),
        industryCode: v.industryCode,
        establishedOn: v.establishedOn.format('YYYY-MM-DD'),
        sizeClass: v.sizeClass,
        ...(v.unitCode ? { unitCode: v.unitCode } : {}),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      });
      void message.success(t('imp.create.done', { row: row.rowNo }));
      form.resetFields();
      onDone(updated);
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, CREATE_FIELDS);
      form.setFields(onForm);
      void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={row !== null}
      title={t('imp.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
      data-testid="create-enterprise-modal"
    >
      {row && (
        <Typography.Paragraph type="secondary">{t('imp.create.intro', { row: row.rowNo, name: row.name })}</Typography.Paragraph>
      )}
      <Form<CreateValues> form={form} layout="vertical" onFinish={(v) => void save(v)} preserve={false}>
        <Form.Item name="name" label={t('ent.name')} rules={required}>
          <Input data-testid="create-name" />
        </Form.Item>
        <Form.Item name="uscc" label={t('ent.uscc')} rules={required}>
          <Input maxLength={18} className="num" data-testid="create-uscc" />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('ent.unit')}
          extra={row?.region ? t('imp.create.unitHint', { region: row.region }) : undefined}
          rules={row?.region ? [] : required}
        >
          <UnitSelect testId="create-unit" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('ent.industry')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(ref.meta?.industries ?? []).map((i) => ({ value: i.code, label: `${i.code} ${pick(i)}` }))}
                popupMatchSelectWidth={360}
                data-testid="create-industry"
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="sizeClass" label={t('ent.sizeClass')} rules={required}>
              <Select
                options={(ref.meta?.sizeClasses ?? []).map((s) => ({ value: s.id, label: ref.sizeClass(s.id) }))}
                data-testid="create-size"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="establishedOn" label={t('ent.establishedOn')} rules={required}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="create-established" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('ent.address')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------- apply ----------

/** Every row of an import (pages of 1,000), to count what applying will do. */
async function allRows(id: number): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (let page = 1; ; page++) {
    const chunk = await api.getImport(id, { page, pageSize: 1000 });
    rows.push(...chunk.rows);
    if (rows.length >= chunk.total || chunk.rows.length === 0) return rows;
  }
}

interface Plan {
  titles: number;
  creates: number;
  undecided: number;
}

function planOf(rows: readonly ImportRow[]): Plan {
  let titles = 0;
  let creates = 0;
  let undecided = 0;
  for (const r of rows) {
    const action = r.decision?.action;
    if (action === 'create') creates++;
    if (action === 'match' || action === 'create') titles++;
    else if (!r.decision && r.verdict === 'matched' && !r.titleExists) titles++;
    if (!r.decision && r.verdict === 'ambiguous') undecided++;
  }
  return { titles, creates, undecided };
}

interface ApplyProps {
  summary: ImportSummary;
  open: boolean;
  onClose: () => void;
  onApplied: (summary: ImportSummary) => void;
}

export function ApplyDialog({ summary, open, onClose, onApplied }: ApplyProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPlan(null);
    setSkip(false);
    setError(null);
    allRows(summary.id).then(
      (rows) => live && setPlan(planOf(rows)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [open, summary.id]);

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      const result = await api.applyImport(summary.id, skip);
      const applied = result.import.counts.applied;
      if (applied) void message.success({ content: t('imp.applied', { ...applied }), duration: 8 });
      onApplied(result.import);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const blocked = plan !== null && plan.undecided > 0 && !skip;
  return (
    <Modal
      open={open}
      title={t('imp.apply.title')}
      onCancel={onClose}
      onOk={() => void apply()}
      okText={t('imp.apply.ok')}
      okButtonProps={{ disabled: plan === null || blocked, 'data-testid': 'apply-confirm' }}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="apply-dialog"
    >
      {plan === null && !error ? (
        <Spin description={t('imp.apply.counting')} />
      ) : (
        plan && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph data-testid="apply-plan" style={{ marginBottom: 0 }}>
              {t('imp.apply.body', {
                n: formatCount(plan.titles),
                title: ref.titleKind(summary.kind),
                level: ref.level(summary.level),
                date: summary.recognisedOn,
              })}
              {plan.creates > 0 && ` ${t('imp.apply.creates', { n: plan.creates })}`}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{importTitle(summary, ref)}</Typography.Text>
            {plan.undecided > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('imp.apply.undecided', { n: plan.undecided })}
                description={
                  <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid="apply-skip-undecided">
                    {t('imp.apply.skipUndecided')}
                  </Checkbox>
                }
              />
            )}
          </Space>
        )
      )}
      {error !== null && <ApiProblem error={error} testId="apply-error" />}
    </Modal>
  );
}

// ---------- revert ----------

interface RevertProps {
  summary: ImportSummary;
  open: boolean;
  onClose: () => void;
  onReverted: (summary: ImportSummary) => void;
}

export function RevertDialog({ summary, open, onClose, onReverted }: RevertProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  async function revert(reason: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await api.revertImport(summary.id, reason.trim());
      const reverted = result.import.counts.reverted;
      if (reverted) void message.success({ content: t('imp.reverted', { ...reverted }), duration: 8 });
      form.resetFields();
      onReverted(result.import);
    } catch (e) {
      const { onForm } = fieldErrors<'reason'>(e, pick, ['reason']);
      form.setFields(onForm);
      if (!onForm.length) setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('imp.revert.title', { id: summary.id })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('imp.revert')}
      okButtonProps={{ danger: true, 'data-testid': 'revert-confirm' }}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="revert-dialog"
    >
      <Typography.Paragraph type="secondary">{t('imp.revert.body')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void revert(v.reason)}>
        <Form.Item
          name="reason"
          label={t('imp.revert.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="revert-reason" />
        </Form.Item>
      </Form>
      {error !== null && <ApiProblem error={error} testId="revert-error" title={t('imp.revert.refused')} />}
    </Modal>
  );
}

/** An API refusal with its message and, when it names rows or cells, each of them with its place. */
export function ApiProblem({ error, testId, title }: { error: unknown; testId: string; title?: string }) {
  const { t, pick } = useI18n();
  const fields = error instanceof ApiError ? error.fields : [];
  const text = errorText(error, pick);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      data-testid={testId}
      title={title ?? text}
      description={
        title || fields.length ? (
          <>
            {title && <div data-testid={`${testId}-message`}>{text}</div>}
            {fields.length > 0 && (
              <ul className="problem-list">
                {fields.map((f, i) => {
                  const reason = pick(f.reason);
                  const row = /rows\[(\d+)\]/.exec(f.field)?.[1];
                  // The API's reasons usually name the row already (第12行 / row 12); add it only when not.
                  const place = row && !reason.includes(row) ? problemPlace(f.field, t) : null;
                  return (
                    <li key={`${f.field}-${i}`} data-testid="problem-item">
                      {place && <strong>{place}: </strong>}
                      {reason}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        ) : undefined
      }
    />
  );
}
