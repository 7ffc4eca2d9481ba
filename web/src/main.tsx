import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './lib/config';
import './styles.css';
import './styles-work.css';
import './styles-lists.css';
import './styles-admin.css';

const root = document.getElementById('app')!;
root.textContent = '';
loadConfig().then(
  () => render(<App />, root),
  () => (root.innerHTML = '<p class="boot" role="alert">Không tải được cấu hình. Vui lòng tải lại trang.</p>'),
);
