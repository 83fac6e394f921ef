/** `/public/competition`: the published results of 创客济南, readable without signing in. */
import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchPublic, type PublicStage, type Result } from './api.ts';
import { RecommendationTag, groupKey, points, stageKey } from './shared.tsx';

export default function PublicResultsPage() {
  const { t, pick, lang, setLang } = useI18n();
  const [data, setData] = useState<{ tieBreak: { zh: string; en: string }; stages: PublicStage[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  useEffect(() => {
    fetchPublic()
      .then((d) => {
        setData(d);
        setYear(d.stages[0]?.year ?? null);
      })
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  const years = [...new Set((data?.stages ?? []).map((s) => s.year))];
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 16 }} data-testid="public-results">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('comp.public.title')}</Typography.Title>
        <a onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('lang.switch')}</a>
      </Space>
      {error && <Alert type="error" message={error} />}
      {years.length > 0 && (
        <Segmented value={year ?? undefined} options={years} onChange={(v) => setYear(Number(v))} style={{ marginBottom: 12 }} />
      )}
      {data && <Typography.Paragraph type="secondary">{pick(data.tieBreak)}</Typography.Paragraph>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(data?.stages ?? [])
          .filter((s) => s.year === year)
          .map((s) => (
            <Card
              key={s.stageId}
              size="small"
              title={`${s.editionName} · ${t(stageKey(s.kind))}`}
              extra={t('comp.publishedOn', { at: s.publishedAt.slice(0, 10) })}
            >
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={s.results}
                scroll={{ x: 760 }}
                columns={[
                  { title: t('comp.col.group'), dataIndex: 'group', width: 80, render: (g: Result['group']) => t(groupKey(g)) },
                  { title: t('comp.col.rank'), dataIndex: 'rank', width: 60 },
                  { title: t('comp.col.project'), dataIndex: 'projectName' },
                  { title: t('comp.col.entrant'), dataIndex: 'entrantName' },
                  {
                    title: t('comp.col.track'),
                    render: (_: unknown, r: Result) => pick({ zh: r.trackZh, en: r.trackEn }),
                    width: 120,
                  },
                  { title: t('comp.col.unit'), dataIndex: 'unitZh', width: 90 },
                  { title: t('comp.col.score'), dataIndex: 'scoreCenti', width: 70, render: (v: number) => points(v) },
                  {
                    title: t('comp.col.outcome'),
                    width: 140,
                    render: (_: unknown, r: Result) => (
                      <>
                        {r.advanced && <Tag color="blue">{t('comp.advanced')}</Tag>}
                        <RecommendationTag value={r.recommendation} />
                      </>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
      </Space>
    </div>
  );
}
