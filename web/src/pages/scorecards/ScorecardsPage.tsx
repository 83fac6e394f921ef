/**
 * `/scorecards` 环境评估与数字化 (measures 七 and 八): officers see the districts' SME environment
 * assessment (ranking, radar, trends, benchmark comparison, weight what-if, data import) and the
 * digital-level statistics; an enterprise fills in its digital-level questionnaire and sees its
 * result. The server decides what each may see.
 */
import { Alert, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchViewer, type Viewer } from './api.ts';
import { CityView } from './CityView.tsx';
import { DigitalStatsView } from './DigitalStatsView.tsx';
import { EnterpriseDigitalView } from './EnterpriseDigitalView.tsx';

export default function ScorecardsPage() {
  const { t, pick } = useI18n();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchViewer()
      .then(setViewer)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  return (
    <div data-testid="scorecards-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('sc.title')}</Typography.Title>
      </div>
      {error ? (
        <Alert type="error" title={error} />
      ) : !viewer ? (
        <PageSpinner />
      ) : viewer.view === 'enterprise' && viewer.enterpriseId ? (
        <EnterpriseDigitalView enterpriseId={viewer.enterpriseId} />
      ) : viewer.view === 'officer' ? (
        <Tabs
          items={[
            { key: 'env', label: t('sc.tab.environment'), children: <CityView viewer={viewer} /> },
            { key: 'digital', label: t('sc.tab.digital'), children: <DigitalStatsView /> },
          ]}
        />
      ) : (
        <Alert type="warning" showIcon title={t('sc.none')} />
      )}
    </div>
  );
}
