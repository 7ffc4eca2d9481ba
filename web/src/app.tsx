import { useEffect, useState } from 'preact/hooks';
import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { signOutToSignIn, whenSignedOut } from './api/client';
import { signOut } from './lib/auth';
import { config } from './lib/config';
import { currentSession, hasRole, rememberReturn, type Session } from './lib/session';
import { AuthCallback, SignIn } from './screens/sign-in';
import { ClerkScreen } from './screens/clerk';
import { HistoryScreen } from './screens/history';
import { Worklist } from './screens/worklist';
import { AppraisalScreen } from './screens/appraisal';
import { RegistryScreen } from './screens/registry';
import { CouncilResults } from './screens/council-results';
import { CouncilUnit } from './screens/council-unit';
import { CouncilApproval } from './screens/council-approval';
import { CouncilScope } from './components/council-scope';
// SRV: the survey desk (loaded when opened: only the administrator uses it) and the public answer page
import { AnswerEntry, SurveyAnswer } from './screens/surveys/survey-answer';
const desk = () => import('./screens/surveys/desk');
const SurveyDesk = lazy(() => desk().then((m) => m.SurveyDesk));
const SurveyDetail = lazy(() => desk().then((m) => m.SurveyDetail));
const SurveyEdit = lazy(() => desk().then((m) => m.SurveyEdit));
const SurveyImportStart = lazy(() => desk().then((m) => m.SurveyImportStart));
const SurveyImportProgress = lazy(() => desk().then((m) => m.SurveyImportProgress));
const SurveyInvitations = lazy(() => desk().then((m) => m.SurveyInvitations));
import { currentYear } from './lib/format';

// ADM: the administrator's screens load on first use (they stay out of the clerk's initial bundle).
const CycleAdmin = lazy(() => import('./screens/admin/cycle').then((m) => m.CycleAdmin));
const PipelineAdmin = lazy(() => import('./screens/admin/pipeline').then((m) => m.PipelineAdmin));
const FrameworksAdmin = lazy(() => import('./screens/admin/frameworks').then((m) => m.FrameworksAdmin));

const roleNames: Record<string, string> = { admin: 'Quản trị', council: 'Hội đồng', appraiser: 'Thẩm định', unit: 'Cán bộ đơn vị' };

function Header({ session }: { session: Session }) {
  const { route } = useLocation();
  const role = session.roles.map((r) => roleNames[r] ?? r).join(', ');
  return (
    <header class="top">
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <a class="brand" href="/">
        Chỉ số CCHC
      </a>
      {hasRole(session, 'admin') ? (
        <nav class="top-nav" aria-label="Chức năng quản trị">
          <a href={`/quan-tri/ky/${currentYear()}`}>Quản trị kỳ</a>
          <a href="/quan-tri/don-vi">Danh mục đơn vị</a>
        </nav>
      ) : null}
      {hasRole(session, 'council') || hasRole(session, 'admin') ? (
        <a class="nav" href="/hoi-dong">
          Kết quả
        </a>
      ) : null}
      <span class="who">
        {role}
        {hasRole(session, 'council') ? <CouncilScope district={session.district} /> : null}
        {session.username ? ` · ${session.username}` : ''}
      </span>
      {session.roles.includes('admin') || session.roles.includes('council') ? (
        <a class="nav" href="/khao-sat">
          Khảo sát
        </a>
      ) : null}
      <button type="button" class="link" onClick={() => signOut().then(() => route('/dang-nhap'))}>
        Đăng xuất
      </button>
    </header>
  );
}

function Home() {
  const { route } = useLocation();
  const s = currentSession();
  useEffect(() => {
    if (!s) return;
    if (hasRole(s, 'council')) route('/hoi-dong', true);
    else if (hasRole(s, 'appraiser') || hasRole(s, 'admin')) route('/tham-dinh', true);
    else if (s.unitId) route(`/don-vi/${s.unitId}`, true);
  }, [s?.token]);
  return (
    <main id="main" class="page">
      <h1>Chỉ số cải cách hành chính</h1>
      <p>
        <a href={`${config().apiUrl}/cong-khai`}>Kết quả đã công bố</a>
      </p>
    </main>
  );
}

function NotFound() {
  return (
    <main id="main" class="page">
      <h1>Không tìm thấy trang</h1>
      <p>
        <a href="/">Về trang chính</a>
      </p>
    </main>
  );
}

function Shell() {
  const loc = useLocation();
  const [session, setSession] = useState(currentSession());
  // The answer page is public (SRV): a citizen with a QR card has no account.
  const open = loc.path === '/dang-nhap' || loc.path.startsWith('/auth/') || loc.path === '/tra-loi' || loc.path.startsWith('/tra-loi/');
  useEffect(() => {
    whenSignedOut(() => loc.route('/dang-nhap?het-han=1'));
  }, []);
  useEffect(() => {
    setSession(currentSession());
    if (!open && !currentSession()) {
      rememberReturn(loc.url);
      loc.route('/dang-nhap', true);
    }
  }, [loc.url]);
  // A session that expires while the page is open ends as a 401 would.
  useEffect(() => {
    const timer = setInterval(() => {
      if (session && !currentSession()) signOutToSignIn();
    }, 5000);
    return () => clearInterval(timer);
  }, [session]);
  return (
    <>
      {session && !open ? (
        <Header session={session} />
      ) : (
        <header class="top">
          <span class="brand">Chỉ số CCHC</span>
          <span class="who">Đánh giá Chỉ số cải cách hành chính</span>
        </header>
      )}
      <Router>
        <Route path="/dang-nhap" component={SignIn} />
        <Route path="/auth/callback" component={AuthCallback} />
        <Route path="/" component={Home} />
        <Route path="/don-vi/:unitId" component={ClerkScreen} />
        <Route path="/don-vi/:unitId/lich-su" component={HistoryScreen} />
        <Route path="/tham-dinh" component={Worklist} />
        <Route path="/tham-dinh/:unitId" component={AppraisalScreen} />
        <Route path="/quan-tri/don-vi" component={RegistryScreen} />
        <Route path="/hoi-dong" component={CouncilResults} />
        <Route path="/hoi-dong/phe-duyet" component={CouncilApproval} />
        <Route path="/hoi-dong/don-vi/:unitId" component={CouncilUnit} />
        <Route path="/khao-sat" component={SurveyDesk} />
        <Route path="/khao-sat/:year/:surveyId" component={SurveyDetail} />
        <Route path="/khao-sat/:year/:surveyId/sua" component={SurveyEdit} />
        <Route path="/khao-sat/:year/:surveyId/nhap" component={SurveyImportStart} />
        <Route path="/khao-sat/:year/:surveyId/nhap/:importId" component={SurveyImportProgress} />
        <Route path="/khao-sat/:year/:surveyId/phieu-moi" component={SurveyInvitations} />
        <Route path="/tra-loi" component={AnswerEntry} />
        <Route path="/tra-loi/:code" component={SurveyAnswer} />
        <Route path="/quan-tri/ky/:year" component={CycleAdmin} />
        <Route path="/quan-tri/ky/:year/quy-trinh" component={PipelineAdmin} />
        <Route path="/quan-tri/bo-tieu-chi" component={FrameworksAdmin} />
        <Route default component={NotFound} />
      </Router>
    </>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}
