/**
 * `/financing` 融资对接 (measure 一、（三）): one page, three views chosen by who signs in —
 * financial institutions (the key-service list and the demand inbox), enterprises (consent,
 * demands, products that fit) and officers (statistics). The server decides what each may see.
 */
import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchViewer, type Institution } from './api.ts';
import { EnterpriseView } from './EnterpriseView.tsx';
import { InstitutionView } from './InstitutionView.tsx';
import { OfficerView } from './OfficerView.tsx';

export default function FinancingPage() {
  const { t, pick } = useI18n();
  const [viewer, setViewer] = useState<{ viewer: string; institution: Institution | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchViewer()
      .then(setViewer)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, []);
  return (
    <div data-testid="financing-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('fin.title')}</Typography.Title>
      </div>
      {error ? (
        <Alert type="error" message={error} />
      ) : !viewer ? (
        <PageSpinner />
      ) : viewer.viewer === 'institution' ? (
        <InstitutionView institution={viewer.institution} />
      ) : viewer.viewer === 'enterprise' ? (
        <EnterpriseView />
      ) : viewer.viewer === 'officer' ? (
        <OfficerView />
      ) : (
        <Alert type="warning" showIcon message={t('fin.noInstitution')} />
      )}
    </div>
  );
}
