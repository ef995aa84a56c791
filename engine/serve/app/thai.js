// Thai for the app: digits, Buddhist-Era dates, money, and the engine's problem messages in Thai.

export const MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม',
  'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
export const WEEKDAYS_SHORT = ['อา', 'จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส'];

const THAI_ZERO = 0x0e50;

export function thaiDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

// Thai digits typed by a clerk read as 0-9.
export function arabicDigits(text) {
  return String(text).replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function isoDate(year, month, day) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// "2026-11-20" -> {year, month (1-12), day}, or null when it is not a real date.
export function parseIso(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// "๒๐ พฤศจิกายน ๒๕๖๙", as the documents print it.
export function formatThaiDate(iso) {
  const d = parseIso(iso);
  return d ? thaiDigits(`${d.day} ${MONTHS[d.month - 1]} ${d.year + 543}`) : '';
}

// What a clerk types in a date box: 20/11/2569, 20-11-2569, ๒๐/๑๑/๒๕๖๙, or a month name
// (20 พ.ย. 2569, 20 พฤศจิกายน 2569). Years below 2400 are taken as AD. Returns ISO or null.
const MONTH_ABBREVIATIONS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.',
  'พ.ย.', 'ธ.ค.'];
export function parseTypedDate(text) {
  let s = arabicDigits(text).trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return parseIso(s) ? s : null;
  MONTHS.forEach((name, i) => { s = s.replace(name, ` ${i + 1} `); });
  MONTH_ABBREVIATIONS.forEach((name, i) => { s = s.replace(name, ` ${i + 1} `); });
  const parts = s.split(/[\s/.\-]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  let [day, month, year] = parts.map(Number);
  if (year < 100) year += 2500;  // 69 -> 2569
  if (year >= 2400) year -= 543;
  const iso = isoDate(year, month, day);
  return parseIso(iso) ? iso : null;
}

export function typedDate(iso) {
  const d = parseIso(iso);
  return d ? `${d.day}/${d.month}/${d.year + 543}` : '';
}

// 6702000.5 -> "6,702,000.50"
export function formatMoney(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// What a clerk types in a number box: commas, spaces and Thai digits allowed. NaN when it is not a number.
export function parseNumber(text) {
  const s = arabicDigits(text).replace(/[,\s฿]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

// Where in an uploaded spreadsheet a problem is: a cell ("นักเรียน!E2", "'My sheet'!B4"), a row or a sheet.
export function placeInFile(location) {
  if (!location) return '';
  return location.includes('!') ? `ในไฟล์ ช่อง ${location}` : `ในไฟล์ แผ่นงาน “${location}”`;
}

// The engine's problem messages (English, exact) said in Thai for the clerk; the original stays available.
const PATTERNS = [
  [/^expected required field "[^"]*", found it missing$/, () => 'ยังไม่ได้กรอก (ต้องมี)'],
  [/^expected at least 1 character, found an empty string$/, () => 'ยังไม่ได้กรอก'],
  [/^expected at least (\d+) characters?/, (m) => `ต้องยาวอย่างน้อย ${m[1]} ตัวอักษร`],
  [/^expected at most (\d+) characters?/, (m) => `ยาวได้ไม่เกิน ${m[1]} ตัวอักษร`],
  [/^expected at least (\d+) items?/, (m) => `ต้องมีอย่างน้อย ${m[1]} รายการ`],
  [/^expected at most (\d+) items?/, (m) => `มีได้ไม่เกิน ${m[1]} รายการ`],
  [/^expected (\d+) items?/, (m) => `ต้องมี ${m[1]} รายการ`],
  [/^expected a date as yyyy-mm-dd/, () => 'วันที่ไม่ถูกต้อง'],
  [/^expected an integer, found/, () => 'ต้องเป็นจำนวนเต็ม'],
  [/^expected an amount in baht with at most two decimals/, () => 'จำนวนเงินมีทศนิยมได้ไม่เกินสองตำแหน่ง'],
  [/^expected a number >= (\S+) and <= (\S+), found/, (m) => `ต้องเป็นตัวเลขตั้งแต่ ${m[1]} ถึง ${m[2]}`],
  [/^expected a number >= (\S+), found/, (m) => `ต้องไม่น้อยกว่า ${m[1]}`],
  [/^expected a number <= (\S+), found/, (m) => `ต้องไม่เกิน ${m[1]}`],
  [/^expected a number > (\S+), found/, (m) => `ต้องมากกว่า ${m[1]}`],
  [/^expected a number < (\S+), found/, (m) => `ต้องน้อยกว่า ${m[1]}`],
  [/^expected a number( or null)?, found/, () => 'ต้องเป็นตัวเลข'],
  [/^expected a string, found/, () => 'ต้องเป็นข้อความ'],
  [/^expected text matching the pattern/, () => 'รูปแบบไม่ถูกต้อง'],
  [/^expected a unique [^,]+, found (.+) again/, (m) => `ซ้ำกับรายการก่อนหน้า (${m[1]})`],
  [/^expected a value found at [^,]+, found ""/, () => 'ยังไม่ได้เลือก'],
  [/^expected a value found at [^,]+, found (.+?)( \(|$)/, (m) => `ไม่พบ ${m[1]} ในรายการที่อ้างถึง`],
  [/^expected one of the fields .*found unknown field "([^"]*)"/, (m) => `มีช่อง "${m[1]}" ที่แบบฟอร์มไม่รู้จัก`],
  [/^expected one of (.+), found/, () => 'ต้องเลือกจากรายการที่กำหนด'],
  [/^expected null only on the last item/, () => 'เว้นว่างได้เฉพาะรายการสุดท้าย'],
  [/^expected a value greater than/, () => 'ต้องเรียงจากน้อยไปมาก (มากกว่ารายการก่อนหน้า)'],
  [/^expected a value to order the items by, found null/, () => 'ต้องกรอกค่านี้เพื่อเรียงลำดับ'],
  [/^expected "([^"]*)", the kind/, (m) => `ชุดข้อมูลนี้ไม่ใช่ประเภท ${m[1]}`],
  // From a spreadsheet read by the server (engine/intake).
  [/^expected a value in column "([^"]*)"/, (m) => `ยังไม่ได้กรอกในคอลัมน์ “${m[1]}”`],
  [/^expected a value for "([^"]*)"/, (m) => `ยังไม่ได้กรอก “${m[1]}”`],
  [/^expected a row titled "([^"]*)"/, (m) => `ไม่มีแถว “${m[1]}” ที่มีค่า`],
  [/^expected a sheet named "([^"]*)"/, (m) => `ไม่มีแผ่นงานชื่อ “${m[1]}”`],
  [/^expected a column titled "([^"]*)"/, (m) => `ไม่มีคอลัมน์ “${m[1]}” ในแถวหัวตาราง`],
  [/^expected a header row with the column titles/, () => 'ไม่พบแถวหัวตารางที่มีชื่อคอลัมน์ตามแบบกรอกข้อมูล'],
  [/^expected at least (\d+) rows?/, (m) => `ต้องมีอย่างน้อย ${m[1]} แถว`],
  [/found an Excel 97-2003 workbook/, () => 'เป็นไฟล์ Excel รุ่นเก่า (.xls): บันทึกเป็น .xlsx ก่อนแล้วเปิดใหม่'],
];

export function problemInThai(message) {
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return null;
}
