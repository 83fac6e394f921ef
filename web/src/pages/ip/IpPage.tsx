/**
 * `/ip` 知识产权 (measures 一、（三） and 三、（十）): the enterprise's own IP (entry, import, classes,
 * score); a bank's view of consenting key-list firms' IP evaluations and its IP-pledge loans;
 * officers' statistics. The server decides what each may see.
 */
import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchViewer, type Viewer } from './api.ts';
import { BankView } from './BankView.tsx';
import { EnterpriseIpView } from './EnterpriseIpView.tsx';
import { OfficerView } from './OfficerView.tsx';

export default function IpPage() {
  const { t, pick } = useI18n();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchViewer()
      .then(setViewer)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  return (
    <div data-testid="ip-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('ip.title')}</Typography.Title>
      </div>
      {error ? (
        <Alert type="error" message={error} />
      ) : !viewer ? (
        <PageSpinner />
      ) : viewer.viewer === 'enterprise' && viewer.enterpriseId ? (
        <>
          <Typography.Paragraph type="secondary">{t('ip.intro.enterprise')}</Typography.Paragraph>
          <EnterpriseIpView enterpriseId={viewer.enterpriseId} />
        </>
      ) : viewer.viewer === 'bank' ? (
        <BankView viewer={viewer} />
      ) : viewer.viewer === 'officer' ? (
        <OfficerView />
      ) : (
        <Alert type="warning" showIcon message={t('ip.none')} />
      )}
    </div>
  );
}
