// Sign-in for a server that listens beyond this machine.
const form = document.getElementById('login-form');
const status = document.getElementById('login-status');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  status.textContent = 'กำลังตรวจรหัสผ่าน…';
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: document.getElementById('password').value }),
      credentials: 'same-origin',
    });
    if (response.ok) { window.location.assign('/'); return; }
    status.textContent = response.status === 401 ? 'รหัสผ่านไม่ถูกต้อง' : `เข้าสู่ระบบไม่ได้ (HTTP ${response.status})`;
  } catch {
    status.textContent = 'ติดต่อเครื่องแม่ข่ายไม่ได้';
  } finally {
    button.disabled = false;
  }
});
