/**
 * One progress report: a unit fills in its figures and progress and submits; the general office
 * accepts or returns it with a reason; everyone sees its history and attachments. Also starts a
 * report that does not exist yet (measure, unit and quarter given).
 */
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { measuresApi, type Progress, type ReportDetail } from './api.ts';
import { ReportStatusTag } from './shared.tsx';

export interface NewReport {
  measure: number;
  unitId: number;
  period: string;
  measureTitle: string;
  unitZh: string;
  enteredIndicators?: ReportDetail['enteredIndicators'];
}

interface FormValues {
  summary: string;
  progress?: Progress;
  [key: `value:${string}`]: number | null;
  [key: `note:${string}`]: string;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ReportPanel({
  reportId,
  fresh,
  onChanged,
}: {
  reportId: number | null;
  fresh?: NewReport | undefined;
  onChanged?: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [id, setId] = useState<number | null>(reportId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  const load = useCallback(
    (rid: number) =>
      measuresApi
        .report(rid)
        .then((d) => {
          setDetail(d);
          const v: FormValues = { summary: d.report.summary };
          if (d.report.progress) v.progress = d.report.progress;
          for (const x of d.report.values) {
            v[`value:${x.indicatorId}`] = x.value;
            v[`note:${x.indicatorId}`] = x.note;
          }
          form.setFieldsValue(v);
        })
        .catch((e: unknown) => setError(errorText(e, pick))),
    [form, pick],
  );
  useEffect(() => {
    setId(reportId);
    if (reportId) void load(reportId);
  }, [reportId, load]);

  if (error) return <Alert type="error" message={error} />;
  if (id && !detail) return <PageSpinner />;
  const indicators = detail?.enteredIndicators ?? fresh?.enteredIndicators ?? [];
  const canEdit = detail ? detail.can.edit : Boolean(fresh);
  const r = detail?.report;

  async function save(submit: boolean) {
    setBusy(true);
    try {
      const v = form.getFieldsValue(true) as FormValues;
      const values = indicators
        .filter((i) => v[`value:${i.id}`] !== undefined && v[`value:${i.id}`] !== null)
        .map((i) => ({ indicatorId: i.id, value: Number(v[`value:${i.id}`]), note: v[`note:${i.id}`] ?? '' }));
      const saved = await measuresApi.save({
        measure: r?.measure ?? fresh!.measure,
        unitId: r?.unitId ?? fresh!.unitId,
        period: r?.period ?? fresh!.period,
        summary: v.summary ?? '',
        progress: v.progress ?? null,
        values,
        ...(r ? { version: r.version } : {}),
        submit,
      });
      message.success(t(submit ? 'ms.action.submit' : 'ms.action.save'));
      setId(saved.id);
      await load(saved.id);
      onChanged?.(saved.id);
    } catch (e) {
      const fe = fieldErrors(e, pick, ['summary', 'progress'] as const);
      form.setFields(fe.onForm);
      message.error([errorText(e, pick), ...fe.leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  async function decide(action: 'return' | 'accept') {
    if (!r) return;
    setBusy(true);
    try {
      await measuresApi.decide(r.id, { action, ...(action === 'return' ? { reason } : {}), version: r.version });
      message.success(t(action === 'return' ? 'ms.action.return' : 'ms.action.accept'));
      setReason('');
      await load(r.id);
      onChanged?.(r.id);
    } catch (e) {
      const fe = fieldErrors(e, pick, [] as const);
      message.error([errorText(e, pick), ...fe.leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="report-panel">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('ms.col.measure')} span={2}>
          {detail
            ? `${detail.measure.number}. ${pick({ zh: detail.measure.titleZh, en: detail.measure.titleEn })}`
            : fresh?.measureTitle}
        </Descriptions.Item>
        <Descriptions.Item label={t('ms.col.unit')}>{r?.unitZh ?? fresh?.unitZh}</Descriptions.Item>
        <Descriptions.Item label={t('ms.period')}>{r?.period ?? fresh?.period}</Descriptions.Item>
        <Descriptions.Item label={t('ms.col.status')}>
          <span data-testid="report-status">
            <ReportStatusTag status={r?.status ?? null} overdue={r?.overdue ?? false} t={t} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ms.col.due')}>{r?.dueOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {r?.returnReason && r.status === 'returned' && (
        <Alert type="warning" showIcon message={t('ms.returnReason', { r: r.returnReason })} />
      )}
      <Form form={form} layout="vertical" disabled={!canEdit || busy}>
        <Form.Item name="summary" label={t('ms.form.summary')}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="report-summary" />
        </Form.Item>
        <Form.Item name="progress" label={t('ms.form.progress')}>
          <Radio.Group data-testid="report-progress">
            <Radio value="on_track">{t('ms.status.on_track')}</Radio>
            <Radio value="behind">{t('ms.status.behind')}</Radio>
          </Radio.Group>
        </Form.Item>
        {indicators.length > 0 && (
          <>
            <Typography.Text strong style={{ display: 'block' }}>
              {t('ms.form.values')}
            </Typography.Text>
            {indicators.map((i) => (
              <Space key={i.id} align="start" wrap style={{ marginTop: 8 }}>
                <Form.Item
                  name={`value:${i.id}`}
                  label={`${pick({ zh: i.labelZh, en: i.labelEn })}（${pick({ zh: i.unitZh, en: i.unitEn })}）`}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={0} style={{ width: 160 }} data-testid={`value-${i.id}`} />
                </Form.Item>
                <Form.Item name={`note:${i.id}`} label={t('ms.form.note')} style={{ marginBottom: 0 }}>
                  <Input maxLength={500} style={{ width: 260 }} />
                </Form.Item>
              </Space>
            ))}
          </>
        )}
      </Form>
      {canEdit && (
        <Space>
          <Button onClick={() => void save(false)} loading={busy} data-testid="report-save">
            {t('ms.form.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid="report-submit">
            {t('ms.form.submit')}
          </Button>
          {r && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void toBase64(file)
                  .then((b64) => measuresApi.attach(r.id, file.name, b64))
                  .then(() => {
                    message.success(t('ms.action.attach'));
                    return load(r.id);
                  })
                  .catch((e: unknown) => {
                    const fe = fieldErrors(e, pick, [] as const);
                    message.error([errorText(e, pick), ...fe.leftOver].join('；'));
                  });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('ms.form.attach')}</Button>
            </Upload>
          )}
        </Space>
      )}
      {detail?.can.decide && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="report-decide">
          <Input.TextArea
            rows={2}
            placeholder={t('ms.decide.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="report-reason"
          />
          <Space>
            <Button type="primary" onClick={() => void decide('accept')} loading={busy} data-testid="report-accept">
              {t('ms.decide.accept')}
            </Button>
            <Button danger onClick={() => void decide('return')} loading={busy} data-testid="report-return">
              {t('ms.decide.return')}
            </Button>
          </Space>
        </Space>
      )}
      {detail && detail.attachments.length > 0 && (
        <>
          <Typography.Text strong>{t('ms.attachments')}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.attachments}
            columns={[
              {
                title: t('ms.attachments'),
                render: (_, a) => <a href={measuresApi.attachmentUrl(detail.report.id, a.id)}>{a.fileName}</a>,
              },
              { title: 'KB', render: (_, a) => Math.ceil(a.size / 1024) },
              { title: t('ms.col.unit'), dataIndex: 'uploadedByName' },
            ]}
          />
        </>
      )}
      {detail && (
        <>
          <Typography.Text strong>{t('ms.history')}</Typography.Text>
          <Timeline
            data-testid="report-history"
            items={detail.events.map((e) => ({
              color: e.action === 'return' ? 'red' : e.action === 'accept' ? 'green' : 'blue',
              children: `${new Date(e.at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })} ${e.actorName} ${t(`ms.action.${e.action}` as 'ms.action.save')}${e.reason ? `：${e.reason}` : ''}`,
            }))}
          />
        </>
      )}
    </Space>
  );
}
