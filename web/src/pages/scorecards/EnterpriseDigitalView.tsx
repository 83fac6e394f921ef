/**
 * The enterprise's digital-level self-assessment (中小企业数字化水平评测指标 2024年版): the
 * questionnaire by part, then the result — score, level, a radar of the three parts and advice on
 * the weakest questions. The level becomes the enterprise's declared 数字化水平 for the 专精特新
 * assessment (the server does that).
 */
import { Alert, App, Button, Card, Checkbox, Col, Divider, List, Radio, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import {
  fetchEnterpriseDigital,
  fetchQuestionnaire,
  submitDigital,
  type DigitalResult,
  type EnterpriseDigital,
  type Questionnaire,
} from './api.ts';
import { Radar } from './Charts.tsx';

const LEVEL_COLOURS = ['default', 'gold', 'blue', 'cyan', 'green'];

function ResultCard({
  result,
  assessedOn,
  onRedo,
  canAnswer,
}: {
  result: DigitalResult;
  assessedOn: string;
  onRedo: () => void;
  canAnswer: boolean;
}) {
  const { t, lang } = useI18n();
  const name = (r: { nameZh: string; nameEn: string }) => (lang === 'zh' ? r.nameZh : r.nameEn);
  return (
    <Card
      data-testid="sc-digital-result"
      title={t('sc.digital.result', { date: assessedOn })}
      extra={canAnswer && <Button onClick={onRedo}>{t('sc.digital.redo')}</Button>}
    >
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Space size="large" wrap>
            <Statistic title={t('sc.digital.score')} value={result.score} suffix="/ 100" valueStyle={{ fontSize: 32 }} />
            <div>
              <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('sc.level')}</div>
              <Tag
                color={LEVEL_COLOURS[result.level]}
                style={{ fontSize: 18, padding: '4px 10px', marginTop: 8 }}
                data-testid="sc-digital-level"
              >
                {lang === 'zh' ? result.levelLabelZh : result.levelLabelEn}
              </Tag>
            </div>
          </Space>
          <Divider />
          {result.parts.map((p) => (
            <div key={p.id}>
              {name(p)}：{p.points} / {p.max}（{p.percent}%）
            </div>
          ))}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('sc.digital.levelNote')}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={14}>
          <Radar
            axes={result.parts.map(name)}
            series={[{ name: t('sc.digital.percent'), values: result.parts.map((p) => p.percent) }]}
            testId="sc-digital-radar"
            height={280}
          />
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('sc.digital.advice')}</Divider>
      <List
        data-testid="sc-digital-advice"
        dataSource={result.advice}
        locale={{ emptyText: t('sc.digital.noAdvice') }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={lang === 'zh' ? `${a.textZh}（${a.points} / ${a.max}）` : `${a.textEn} (${a.points} / ${a.max})`}
              description={lang === 'zh' ? a.adviceZh : a.adviceEn}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function EnterpriseDigitalView({ enterpriseId }: { enterpriseId: number }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [qn, setQn] = useState<Questionnaire | null>(null);
  const [mine, setMine] = useState<EnterpriseDigital | null>(null);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [answering, setAnswering] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([fetchQuestionnaire(), fetchEnterpriseDigital(enterpriseId)])
      .then(([q, m]) => {
        setQn(q);
        setMine(m);
        setAnswering(m.latest === null);
        if (m.latest) setAnswers(m.latest.answers);
      })
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [enterpriseId, pick]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" title={error} />;
  if (!qn || !mine) return null;
  const text = (q: { textZh: string; textEn: string }) => (lang === 'zh' ? q.textZh : q.textEn);
  const label = (o: { labelZh: string; labelEn: string }) => (lang === 'zh' ? o.labelZh : o.labelEn);
  const answered = qn.questions.filter((q) => (answers[q.id] ?? []).length > 0).length;

  const submit = async () => {
    setBusy(true);
    setProblems({});
    try {
      await submitDigital(enterpriseId, answers);
      void message.success(t('sc.digital.submitted'));
      load();
    } catch (e) {
      const fields = (e as { fields?: { field: string; reason: { zh: string; en: string } }[] }).fields ?? [];
      setProblems(Object.fromEntries(fields.map((f) => [f.field.replace(/^answers\./, ''), pick(f.reason)])));
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  if (!answering && mine.latest)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ResultCard
          result={mine.latest.result}
          assessedOn={mine.latest.assessedOn}
          canAnswer={mine.canAnswer}
          onRedo={() => setAnswering(true)}
        />
        {mine.history.length > 1 && (
          <Card size="small" title={t('sc.digital.history')}>
            {mine.history.map((h) => (
              <div key={h.id}>
                {h.assessedOn}：{h.score}（{h.level ? t(`sc.digital.l${h.level}` as 'sc.digital.l1') : t('sc.digital.below')}）
              </div>
            ))}
          </Card>
        )}
      </Space>
    );

  return (
    <div data-testid="sc-questionnaire">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('sc.digital.intro')}
        description={t('sc.digital.introDetail')}
      />
      {qn.parts.map((p) => (
        <Card
          key={p.id}
          size="small"
          title={`${lang === 'zh' ? p.nameZh : p.nameEn}（${p.max}${t('sc.digital.pointsUnit')}）`}
          style={{ marginBottom: 16 }}
        >
          {qn.questions
            .filter((q) => q.partId === p.id)
            .map((q, k) => (
              <div key={q.id} style={{ marginBottom: 16 }} data-testid={`sc-q-${q.id}`}>
                <Typography.Text strong>
                  {k + 1}. {text(q)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  （{q.max}
                  {t('sc.digital.pointsUnit')}）
                </Typography.Text>
                <div style={{ marginTop: 6 }}>
                  {q.kind === 'single' ? (
                    <Radio.Group
                      value={answers[q.id]?.[0]}
                      onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: [String(e.target.value)] }))}
                    >
                      <Space orientation="vertical">
                        {q.options.map((o) => (
                          <Radio key={o.id} value={o.id}>
                            {label(o)}
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                  ) : (
                    <Checkbox.Group
                      value={answers[q.id] ?? []}
                      onChange={(vals) => {
                        const next = vals.map(String);
                        const prev = answers[q.id] ?? [];
                        // “无” excludes the other options, and choosing another option drops “无”
                        const fixed =
                          next.includes('none') && !prev.includes('none')
                            ? ['none']
                            : next.filter((x) => x !== 'none' || next.length === 1);
                        setAnswers((a) => ({ ...a, [q.id]: fixed }));
                      }}
                      options={q.options.map((o) => ({ value: o.id, label: label(o) }))}
                    />
                  )}
                </div>
                {problems[q.id] && <Typography.Text type="danger">{problems[q.id]}</Typography.Text>}
              </div>
            ))}
        </Card>
      ))}
      <Space>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="sc-digital-submit">
          {t('sc.digital.submit')}
        </Button>
        <Typography.Text type="secondary">
          {t('sc.digital.progress', { done: answered, total: qn.questions.length })}
        </Typography.Text>
        {mine.latest && <Button onClick={() => setAnswering(false)}>{t('sc.digital.cancel')}</Button>}
      </Space>
    </div>
  );
}
