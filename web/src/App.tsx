/** Providers and routes. Pages are lazy so the sign-in screen does not load the whole app. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext.tsx';
import { ReferenceDataProvider } from './auth/ReferenceData.tsx';
import { PageSpinner } from './components/PageSpinner.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { useReducedMotion } from './util/motion.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { CAPABILITIES } from './layout/nav.ts';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const NotBuiltPage = lazy(() => import('./pages/NotBuiltPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const EnterpriseListPage = lazy(() => import('./pages/enterprises/EnterpriseListPage.tsx'));
const EnterprisePage = lazy(() => import('./pages/enterprises/EnterprisePage.tsx'));
const CarrierListPage = lazy(() => import('./pages/carriers/CarrierListPage.tsx'));
const CarrierPage = lazy(() => import('./pages/carriers/CarrierPage.tsx'));
const PolicyPage = lazy(() => import('./pages/policy/PolicyPage.tsx'));
const EntitlementListPage = lazy(() => import('./pages/policy/EntitlementListPage.tsx'));
const BudgetPage = lazy(() => import('./pages/policy/BudgetPage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const ImportListPage = lazy(() => import('./pages/imports/ImportListPage.tsx'));
const NewImportPage = lazy(() => import('./pages/imports/NewImportPage.tsx'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage.tsx'));
const CreditRepairPage = lazy(() => import('./pages/credit/CreditRepairPage.tsx'));
const FinancingPage = lazy(() => import('./pages/financing/FinancingPage.tsx'));
const InnovationPage = lazy(() => import('./pages/innovation/InnovationPage.tsx'));
const PipelinePage = lazy(() => import('./pages/tiers/PipelinePage.tsx'));
const IpPage = lazy(() => import('./pages/ip/IpPage.tsx'));
const ScorecardsPage = lazy(() => import('./pages/scorecards/ScorecardsPage.tsx'));
const ScorecardDistrictPage = lazy(() => import('./pages/scorecards/DistrictPage.tsx'));
const EnterpriseAssessmentPage = lazy(() =>
  import('./pages/tiers/SelfAssessment.tsx').then((m) => ({ default: m.EnterpriseAssessmentPage })),
);
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage.tsx'));
const CasePage = lazy(() => import('./pages/cases/CasePage.tsx'));
const NoticeListPage = lazy(() => import('./pages/cases/NoticeListPage.tsx'));
const NoticePage = lazy(() => import('./pages/cases/NoticePage.tsx'));
const BatchListPage = lazy(() => import('./pages/cases/BatchListPage.tsx'));
const BatchPage = lazy(() => import('./pages/cases/BatchPage.tsx'));
const CaseReportsPage = lazy(() => import('./pages/cases/ReportsPage.tsx'));
const MeasuresPage = lazy(() => import('./pages/measures/MeasuresPage.tsx'));
const MeasurePage = lazy(() => import('./pages/measures/MeasurePage.tsx'));
const MeasureReportPage = lazy(() => import('./pages/measures/ReportPage.tsx'));
const EventsPage = lazy(() => import('./pages/events/EventsPage.tsx'));
const CheckinPage = lazy(() => import('./pages/events/CheckinPage.tsx'));
const TalentPage = lazy(() => import('./pages/talent/TalentPage.tsx'));
const CompetitionPage = lazy(() => import('./pages/competition/CompetitionPage.tsx'));
const PublicCompetitionResultsPage = lazy(() => import('./pages/competition/PublicResultsPage.tsx'));

function SignedInRoutes() {
  return (
    <ReferenceDataProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="enterprises" element={<EnterpriseListPage />} />
          <Route path="enterprises/:id" element={<EnterprisePage />} />
          <Route path="carriers" element={<CarrierListPage />} />
          <Route path="carriers/:id" element={<CarrierPage />} />
          <Route path="policy" element={<PolicyPage />} />
          <Route path="entitlements" element={<EntitlementListPage />} />
          <Route path="budget" element={<BudgetPage />} />
          <Route path="targets" element={<DashboardPage />} />
          <Route path="imports" element={<ImportListPage />} />
          <Route path="imports/new" element={<NewImportPage />} />
          <Route path="imports/:id" element={<ImportPage />} />
          <Route path="credit-repair" element={<CreditRepairPage />} />
          <Route path="financing" element={<FinancingPage />} />
          <Route path="ip" element={<IpPage />} />
          <Route path="scorecards" element={<ScorecardsPage />} />
          <Route path="scorecards/districts/:code" element={<ScorecardDistrictPage />} />
          <Route path="innovation" element={<InnovationPage />} />
          <Route path="pipeline" element={<PipelinePage />} />
          <Route path="pipeline/enterprises/:id" element={<EnterpriseAssessmentPage />} />
          <Route path="cases" element={<CaseListPage />} />
          <Route path="cases/notices" element={<NoticeListPage />} />
          <Route path="cases/notices/:id" element={<NoticePage />} />
          <Route path="cases/batches" element={<BatchListPage />} />
          <Route path="cases/batches/:id" element={<BatchPage />} />
          <Route path="cases/reports" element={<CaseReportsPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="measures" element={<MeasuresPage />} />
          <Route path="measures/reports/:id" element={<MeasureReportPage />} />
          <Route path="measures/:n" element={<MeasurePage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path="events/check-in" element={<CheckinPage />} />
          <Route path="talent" element={<TalentPage />} />
          <Route path="competition" element={<CompetitionPage />} />
          {CAPABILITIES.filter((c) => !c.built).map((c) => (
            <Route key={c.path} path={c.path.slice(1)} element={<NotBuiltPage label={c.label} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ReferenceDataProvider>
  );
}

/** Signed out, every URL shows the sign-in page, so after sign-in the user lands where they aimed. */
function Gate() {
  const { state } = useAuth();
  // The competition's published results are public: shown signed in or not.
  const { pathname } = useLocation();
  if (pathname === '/public/competition')
    return (
      <Suspense fallback={<PageSpinner />}>
        <PublicCompetitionResultsPage />
      </Suspense>
    );
  if (state.status === 'loading') return <PageSpinner />;
  return <Suspense fallback={<PageSpinner />}>{state.status === 'signedIn' ? <SignedInRoutes /> : <LoginPage />}</Suspense>;
}

function Localised() {
  const { lang } = useI18n();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d4ed8', motion: !reducedMotion } }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Gate />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
