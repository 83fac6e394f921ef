/** The entrant's view (enterprise user): register the enterprise's project, see eligibility with reasons, attach files, follow results. */
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { todayIso } from '../../util/format.ts';
import { fetchEditions, fetchEntries, fetchEntry, register, uploadAttachment, type Edition, type EntryDetail } from './api.ts';
import { EligibilityReasons, RecommendationTag, groupKey, points, stageKey } from './shared.tsx';

const FIELDS = ['trackId', 'projectName', 'summary', 'leaderName'] as const;
type Fields = { trackId: number; projectName: string; summary: string; leaderName: string };

function EntryCard({ id, editions, onChange }: { id: number; editions: Edition[]; onChange: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [e, setE] = useState<EntryDetail | null>(null);
  const load = useCallback(() => void fetchEntry(id).then(setE), [id]);
  useEffect(load, [load]);
  if (!e) return null;
  const reg = editions.find((x) => x.id === e.editionId)?.stages.find((s) => s.kind === 'registration');
  const canAttach = !!reg && todayIso() <= reg.closesOn;
  return (
    <Card
      size="small"
      data-testid={`entry-card-${e.code}`}
      title={
        <Space wrap>
          <span>{e.projectName}</span>
          <Tag>{e.code}</Tag>
        </Space>
      }
      extra={e.eligible ? <Tag color="green">{t('comp.eligible')}</Tag> : <Tag color="red">{t('comp.ineligible')}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('comp.col.group')}>{t(groupKey(e.group))}</Descriptions.Item>
        <Descriptions.Item label={t('comp.col.track')}>{pick({ zh: e.trackZh, en: e.trackEn })}</Descriptions.Item>
        <Descriptions.Item label={t('comp.col.stage')}>{t(stageKey(e.reachedStage))}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('comp.eligibilityRules', { on: e.eligibility.on })}</Typography.Text>
      <div data-testid="eligibility-reasons">
        <EligibilityReasons rules={e.eligibility.rules} />
      </div>
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('comp.attachments')}</Typography.Text>
        {e.attachments.map((f) => (
          <div key={f.id}>
            <a href={`/api/competition/entries/${e.id}/attachments/${f.id}`}>{f.fileName}</a>
          </div>
        ))}
        {canAttach && (
          <Upload
            showUploadList={false}
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.ofd"
            customRequest={({ file }) => {
              uploadAttachment(e.id, file as File)
                .then(() => {
                  message.success(t('comp.uploaded'));
                  load();
                  onChange();
                })
                .catch((err: unknown) => message.error(errorText(err, pick)));
            }}
          >
            <Button size="small">{t('comp.upload')}</Button>
          </Upload>
        )}
      </div>
      {e.results.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('comp.results')}</Typography.Text>
          {e.results.map((r) => (
            <div key={r.kind}>
              {t(stageKey(r.kind))}: {t('comp.rankScore', { rank: r.rank, score: points(r.scoreCenti) })}{' '}
              {r.advanced && <Tag color="blue">{t('comp.advanced')}</Tag>}
              <RecommendationTag value={r.recommendation} />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

export function EntrantView() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [editions, setEditions] = useState<Edition[]>([]);
  const [ids, setIds] = useState<number[] | null>(null);
  const [entered, setEntered] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const load = useCallback(() => {
    Promise.all([fetchEditions(), fetchEntries({})])
      .then(([eds, entries]) => {
        setEditions(eds);
        setIds(entries.map((x) => x.id));
        setEntered(entries.map((x) => x.editionId));
      })
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  useEffect(load, [load]);
  const today = todayIso();
  // One registration per enterprise and edition (the server refuses a second): the form hides once registered.
  const open = editions.find(
    (e) =>
      !entered.includes(e.id) && e.stages.some((s) => s.kind === 'registration' && s.opensOn <= today && today <= s.closesOn),
  );
  const submit = async (v: Fields) => {
    if (!open) return;
    setSaving(true);
    try {
      const created = await register(open.id, { group: 'enterprise', ...v });
      message.success(created.eligible ? t('comp.registered') : t('comp.registeredIneligible'));
      form.resetFields();
      load();
    } catch (e) {
      const f = fieldErrors(e, pick, FIELDS);
      form.setFields(f.onForm);
      message.error([errorText(e, pick), ...f.leftOver].join('；'));
    } finally {
      setSaving(false);
    }
  };
  if (error) return <Alert type="error" message={error} />;
  return (
    <div data-testid="entrant-view">
      {open ? (
        <Card title={t('comp.registerTitle', { name: open.name })} style={{ marginBottom: 16 }} data-testid="register-card">
          <Typography.Paragraph type="secondary">
            {t('comp.deadline', { date: open.stages.find((s) => s.kind === 'registration')!.closesOn })}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
            <Form.Item name="trackId" label={t('comp.col.track')} rules={[{ required: true }]}>
              <Select
                data-testid="register-track"
                options={open.tracks.map((x) => ({ value: x.id, label: pick({ zh: x.nameZh, en: x.nameEn }) }))}
              />
            </Form.Item>
            <Form.Item name="projectName" label={t('comp.col.project')} rules={[{ required: true }]}>
              <Input data-testid="register-project" maxLength={100} />
            </Form.Item>
            <Form.Item name="summary" label={t('comp.summary')} rules={[{ required: true }]}>
              <Input.TextArea data-testid="register-summary" rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="leaderName" label={t('comp.leader')} rules={[{ required: true }]}>
              <Input data-testid="register-leader" maxLength={50} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="register-submit">
              {t('comp.register')}
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('comp.noOpenRegistration')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Title level={4}>{t('comp.myEntries')}</Typography.Title>
      {ids && ids.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(ids ?? []).map((id) => (
          <EntryCard key={id} id={id} editions={editions} onChange={load} />
        ))}
      </Space>
    </div>
  );
}
