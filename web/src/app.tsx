import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { signOutToSignIn, whenSignedOut } from './api/client';
import { signOut } from './lib/auth';
import { currentSession, hasRole, rememberReturn, type Session } from './lib/session';
import { AuthCallback, SignIn } from './screens/sign-in';
import { ClerkScreen } from './screens/clerk';
import { HistoryScreen } from './screens/history';
import { Worklist } from './screens/worklist';
import { AppraisalScreen } from './screens/appraisal';
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
        <nav class="top-nav" aria-label="Chức năng">
          <a href={`/quan-tri/ky/${currentYear()}`}>Quản trị kỳ</a>
        </nav>
      ) : null}
      <span class="who">
        {role}
        {session.username ? ` · ${session.username}` : ''}
      </span>
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
    if (hasRole(s, 'appraiser') || hasRole(s, 'admin')) route('/tham-dinh', true);
    else if (s.unitId) route(`/don-vi/${s.unitId}`, true);
  }, [s?.token]);
  return (
    <main id="main" class="page">
      <h1>Chỉ số cải cách hành chính</h1>
      <p>Màn hình của Hội đồng (kết quả, phê duyệt) thuộc phần sau của bảng điều khiển; hiện có thể xem qua API.</p>
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
  const open = loc.path === '/dang-nhap' || loc.path.startsWith('/auth/');
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
