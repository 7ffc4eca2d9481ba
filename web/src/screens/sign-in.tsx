import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { cognitoCallback, cognitoSignIn, devSignIn } from '../lib/auth';
import { config, devUsers, type DevUser } from '../lib/config';
import { takeReturn } from '../lib/session';

export function SignIn() {
  const { route, query } = useLocation();
  const [users, setUsers] = useState<DevUser[] | undefined | null>(null);
  const [error, setError] = useState('');
  const cloud = config().auth.kind === 'cognito';
  useEffect(() => {
    if (!cloud) devUsers().then(setUsers);
  }, []);
  // `?thoi-han=N` (seconds) asks the local sign-in for a short session: how expiry is tried out.
  const seconds = Number(query['thoi-han']) || undefined;
  const pick = (id: string) =>
    devSignIn(id, seconds).then(
      () => route(takeReturn(), true),
      () => setError('Không đăng nhập được. Vui lòng thử lại.'),
    );
  return (
    <main id="main" class="page narrow">
      <h1>Đăng nhập</h1>
      {query['het-han'] ? (
        <p class="notice" role="status">
          Phiên đăng nhập đã hết hạn. Đăng nhập lại để tiếp tục; nội dung bạn đang nhập vẫn được giữ.
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {cloud ? (
        <p>
          <button type="button" class="primary" onClick={() => cognitoSignIn()}>
            Đăng nhập bằng tài khoản được cấp
          </button>
        </p>
      ) : users === null ? (
        <p>Đang tải…</p>
      ) : users === undefined ? (
        <p class="error">Máy chủ này không có chức năng đăng nhập thử nghiệm.</p>
      ) : (
        <section aria-labelledby="dev-title">
          <h2 id="dev-title">Đăng nhập thử nghiệm (chỉ trên máy cục bộ)</h2>
          <p class="muted">Chọn một người dùng mẫu. Phiên có hiệu lực 8 giờ.</p>
          <ul class="users">
            {users.map((u) => (
              <li key={u.id}>
                <button type="button" class="user" onClick={() => pick(u.id)}>
                  {u.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

export function AuthCallback() {
  const { route } = useLocation();
  const [error, setError] = useState('');
  useEffect(() => {
    cognitoCallback().then(
      () => route(takeReturn(), true),
      () => setError('Đăng nhập không thành công. Vui lòng thử lại.'),
    );
  }, []);
  return (
    <main id="main" class="page narrow">
      <h1>Đang đăng nhập…</h1>
      {error ? (
        <p class="error" role="alert">
          {error} <a href="/dang-nhap">Đăng nhập lại</a>
        </p>
      ) : null}
    </main>
  );
}
