/**
 * The judge's view, made for a phone: the assigned projects by blind code (no entrant name), the
 * project content and attachments, the weighted rubric with the total as it will count, and the
 * judge's own declared ties (回避申报) for the latest edition.
 */
import { Alert, App, Button, Card, Empty, Input, InputNumber, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchEditions, fetchMyAssignments, submitScore, type Assignment, type Edition } from './api.ts';
import { MyTies } from './TiesTab.tsx';
import { groupKey, points, stageKey } from './shared.tsx';

function ScoreForm({ a, onSaved }: { a: Assignment; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [values, setValues] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(a.rubric.map((c) => [c.key, a.myScore?.criteria[c.key] ?? null])),
  );
  const [comment, setComment] = useState(a.myScore?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = a.rubric.every((c) => typeof values[c.key] === 'number');
  const total = a.rubric.reduce((s, c) => s + (values[c.key] ?? 0) * c.weight, 0);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await submitScore(a.stageId, a.entryId, values as Record<string, number>, comment);
      message.success(t('comp.judge.saved'));
      onSaved();
    } catch (e) {
      setError(errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="score-form">
      {a.rubric.map((c) => (
        <div key={c.key} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span>
            {pick(c)} <Typography.Text type="secondary">×{c.weight}%</Typography.Text>
          </span>
          <InputNumber
            data-testid={`score-input-${c.key}`}
            min={0}
            max={100}
            precision={0}
            inputMode="numeric"
            disabled={!a.open}
            value={values[c.key]}
            onChange={(v) => setValues((old) => ({ ...old, [c.key]: typeof v === 'number' ? v : null }))}
            style={{ width: 96 }}
          />
        </div>
      ))}
      <Input.TextArea
        rows={2}
        maxLength={1000}
        placeholder={t('comp.judge.comment')}
        value={comment}
        disabled={!a.open}
        onChange={(e) => setComment(e.target.value)}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong data-testid="score-total">
          {t('comp.judge.total')}: {complete ? points(total) : '—'}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          disabled={!complete || !a.open}
          loading={saving}
          onClick={() => void save()}
          data-testid="score-submit"
        >
          {a.myScore ? t('comp.judge.revise') : t('common.submit')}
        </Button>
      </div>
      {error && <Alert type="error" message={error} />}
    </Space>
  );
}

export function JudgeView() {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<Assignment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<'todo' | 'done'>('todo');
  const [openKey, setOpenKey] = useState<string | null>(null);
  // The edition the judge is judging now (else the latest): ties are declared to it from here, on the phone.
  const [editions, setEditions] = useState<Edition[]>([]);
  useEffect(() => {
    fetchEditions()
      .then(setEditions)
      .catch(() => setEditions([]));
  }, []);
  const load = useCallback(() => {
    fetchMyAssignments()
      .then(setItems)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  useEffect(load, [load]);
  const shown = useMemo(
    () => (items ?? []).filter((a) => (filter === 'todo' ? a.open && !a.myScore : !a.open || a.myScore)),
    [items, filter],
  );
  const current = (items ?? []).find((a) => a.open) ?? (items ?? [])[0];
  const edition = editions.find((e) => e.year === current?.year) ?? editions[0] ?? null;
  if (error) return <Alert type="error" message={error} />;
  const todo = (items ?? []).filter((a) => a.open && !a.myScore).length;
  return (
    <div data-testid="judge-view" style={{ maxWidth: 720 }}>
      <Alert type="info" showIcon message={t('comp.judge.blind')} style={{ marginBottom: 12 }} />
      {edition && <MyTies key={edition.id} edition={edition} />}
      <Segmented
        block
        value={filter}
        onChange={(v) => setFilter(v as 'todo' | 'done')}
        options={[
          { value: 'todo', label: `${t('comp.judge.todo')} (${todo})` },
          { value: 'done', label: t('comp.judge.done') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {items && shown.length === 0 && <Empty description={t('comp.judge.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {shown.map((a) => {
          const key = `${a.stageId}-${a.entryId}`;
          return (
            <Card
              key={key}
              size="small"
              data-testid={`judge-card-${a.code}`}
              title={
                <Space wrap>
                  <Typography.Text strong>{a.code}</Typography.Text>
                  <Tag>{t(stageKey(a.stageKind))}</Tag>
                  <Tag color="blue">{t(groupKey(a.group))}</Tag>
                </Space>
              }
              extra={a.myScore ? <Tag color="green">{points(a.myScore.totalCenti)}</Tag> : null}
            >
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {a.projectName}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" ellipsis={openKey === key ? false : { rows: 2 }}>
                {pick({ zh: a.trackZh, en: a.trackEn })} · {a.summary}
              </Typography.Paragraph>
              {a.attachments.map((f) => (
                <div key={f.id}>
                  <a href={`/api/competition/entries/${a.entryId}/attachments/${f.id}`}>{f.fileName}</a>
                </div>
              ))}
              <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0' }}>
                {t('comp.judge.window', { from: a.opensOn, to: a.closesOn })}
              </Typography.Text>
              {openKey === key ? (
                <ScoreForm
                  a={a}
                  onSaved={() => {
                    setOpenKey(null);
                    load();
                  }}
                />
              ) : (
                <Button block onClick={() => setOpenKey(key)} data-testid="score-open">
                  {a.open ? (a.myScore ? t('comp.judge.revise') : t('comp.judge.score')) : t('comp.judge.view')}
                </Button>
              )}
            </Card>
          );
        })}
      </Space>
    </div>
  );
}
