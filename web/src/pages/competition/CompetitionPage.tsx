/**
 * `/competition` 创客济南 (measure 四、（十三）): one page, three views by who signs in — the
 * organiser (city officer; district officers read their unit's entries), judges (blind scoring,
 * phone-sized) and entrants (enterprise users). The server decides what each may see.
 */
import { Alert, Button, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EntrantView } from './EntrantView.tsx';
import { JudgeView } from './JudgeView.tsx';
import { OrganiserView } from './OrganiserView.tsx';

export default function CompetitionPage() {
  const { t } = useI18n();
  const { state } = useAuth();
  const role = state.status === 'signedIn' ? state.user.role : null;
  return (
    <div data-testid="competition-page">
      <div
        className="page-header"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Typography.Title level={3}>{t('comp.title')}</Typography.Title>
        <Link to="/public/competition" target="_blank">
          <Button type="link">{t('comp.publicLink')}</Button>
        </Link>
      </div>
      {role === 'city_officer' || role === 'district_officer' ? (
        <OrganiserView canOrganise={role === 'city_officer'} />
      ) : role === 'judge' ? (
        <JudgeView />
      ) : role === 'enterprise_user' ? (
        <EntrantView />
      ) : (
        <Alert type="warning" message={t('comp.noView')} />
      )}
    </div>
  );
}
