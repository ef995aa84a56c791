// Every document the project's manifest lists, made on the server one after another, with progress.
import { api } from './api.js';

const STATUS = { waiting: 'รอคิว', running: 'กำลังสร้าง…', built: 'เสร็จ', failed: 'ไม่สำเร็จ', skipped: 'ข้าม' };
const POLL_MS = 700;

export class BuildPanel {
  constructor(openButton, dialog) {
    this.dialog = dialog;
    this.start = dialog.querySelector('[data-build=start]');
    this.progress = dialog.querySelector('progress');
    this.summary = dialog.querySelector('[data-build=summary]');
    this.list = dialog.querySelector('[data-build=list]');
    openButton.addEventListener('click', () => { dialog.showModal(); this.refresh(); });
    dialog.querySelector('[data-build=close]').addEventListener('click', () => dialog.close());
    this.start.addEventListener('click', () => this.begin());
    this.timer = null;
  }

  async begin() {
    this.start.disabled = true;
    try {
      this.show(await api.startBuild());
    } catch (error) {
      this.summary.textContent = error.status === 409 ? 'กำลังสร้างอยู่แล้ว' : `เริ่มไม่ได้: ${error.message}`;
    }
    this.poll();
  }

  async refresh() {
    try { this.show(await api.build()); } catch (error) { this.summary.textContent = error.message; }
  }

  poll() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      await this.refresh();
      if (this.running) this.poll();
    }, POLL_MS);
  }

  show(state) {
    this.running = state.running;
    this.start.disabled = state.running;
    this.progress.max = Math.max(1, state.total);
    this.progress.value = state.done + state.failed;
    if (state.total === 0) this.summary.textContent = 'กด “เริ่มสร้าง” เพื่อสร้างเอกสารทุกฉบับตามรายการของโครงการลงในโฟลเดอร์ output';
    else if (state.running) this.summary.textContent = `กำลังสร้าง ${state.done + state.failed} จาก ${state.total} ฉบับ…`;
    else this.summary.textContent = `เสร็จ ${state.done} จาก ${state.total} ฉบับ${state.failed ? ` ไม่สำเร็จ ${state.failed} ฉบับ` : ''} ใช้เวลา ${state.seconds.toFixed(1)} วินาที`;
    this.list.replaceChildren(...state.entries.map((entry) => {
      const item = document.createElement('li');
      item.className = `build-${entry.status}`;
      const status = document.createElement('span');
      status.className = 'build-status';
      status.textContent = STATUS[entry.status] || entry.status;
      let name;
      if (entry.status === 'built') {
        name = document.createElement('a');
        name.href = api.outputUrl(entry.output);
        name.download = entry.output;
      } else {
        name = document.createElement('span');
      }
      name.textContent = entry.output;
      item.append(status, ' ', name);
      const problems = (entry.problems || []).map((p) => `${p.file ? `${p.file}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`);
      if (entry.message) problems.push(entry.message);
      if (problems.length) {
        const detail = document.createElement('div');
        detail.className = 'problem';
        detail.textContent = problems.slice(0, 3).join(' · ');
        item.append(detail);
      }
      return item;
    }));
  }
}
