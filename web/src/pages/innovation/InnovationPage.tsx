/**
 * `/innovation` 创新服务 (measures 十一, 十二): the two technology catalogues matched both ways,
 * 揭榜 projects, large–small resource sharing, statistics. Tabs depend on who signs in; the
 * server decides what each may see and do.
 */
import { Alert, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import { errorText } from '../../util/errors.ts';
import { fetchMe, fetchVocabulary } from './api.ts';
import { AchievementsPanel, DemandsPanel } from './Catalogues.tsx';
import { ProjectsPanel } from './Projects.tsx';
import { ResourcesPanel } from './Resources.tsx';
import { Ctx, type InnovationContext } from './shared.tsx';
import { StatsPanel } from './Stats.tsx';

export default function InnovationPage() {
  const { t, pick } = useI18n();
  const [ctx, setCtx] = useState<InnovationContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useUrlQuery(['tab'] as const);
  useEffect(() => {
    Promise.all([fetchMe(), fetchVocabulary()])
      .then(([me, vocab]) => setCtx({ me, vocab }))
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, []);
  const intro = ctx
    ? t(
        ctx.me.kind === 'university'
          ? 'inno.intro.university'
          : ctx.me.kind === 'enterprise'
            ? 'inno.intro.enterprise'
            : 'inno.intro.officer',
      )
    : '';
  const items = ctx
    ? [
        { key: 'demands', label: t('inno.tab.demands'), children: <DemandsPanel /> },
        { key: 'achievements', label: t('inno.tab.achievements'), children: <AchievementsPanel /> },
        ...(ctx.me.kind === 'viewer' ? [] : [{ key: 'projects', label: t('inno.tab.projects'), children: <ProjectsPanel /> }]),
        { key: 'resources', label: t('inno.tab.resources'), children: <ResourcesPanel /> },
        ...(ctx.me.kind === 'officer' || ctx.me.kind === 'viewer'
          ? [{ key: 'stats', label: t('inno.tab.stats'), children: <StatsPanel /> }]
          : []),
      ]
    : [];
  return (
    <div data-testid="innovation-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('inno.title')}</Typography.Title>
        {ctx && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      </div>
      {error ? (
        <Alert type="warning" showIcon message={error} />
      ) : !ctx ? (
        <PageSpinner />
      ) : (
        <Ctx.Provider value={ctx}>
          <Tabs
            activeKey={items.some((i) => i.key === query.tab) ? query.tab : 'demands'}
            onChange={(tab) => setQuery({ tab })}
            items={items}
            destroyOnHidden
          />
        </Ctx.Provider>
      )}
    </div>
  );
}
