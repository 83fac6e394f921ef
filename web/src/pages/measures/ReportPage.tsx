/** `/measures/reports/:id`: one progress report (the link in reminders and notifications). */
import { Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { ReportPanel } from './ReportPanel.tsx';

export default function ReportPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  return (
    <div data-testid="measure-report-page">
      <Typography.Title level={3}>
        <Link to="/measures?tab=reports">{t('ms.title')}</Link> / {t('ms.tab.reports')} {id}
      </Typography.Title>
      <ReportPanel reportId={id} />
    </div>
  );
}
