/**
 * Python `strftime`/`strptime` for the engine's datetime values. Datetimes are naive (no time zone), like
 * DATAMIMIC's; a JS `Date` carries them in its UTC fields, so output never depends on the machine's zone.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** Formats `d` (UTC fields) with a Python strftime pattern. Unknown directives are kept as written. */
export function strftime(d: Date, format: string): string {
  return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => {
    const h = d.getUTCHours();
    switch (c) {
      case 'Y':
        return pad(d.getUTCFullYear(), 4);
      case 'y':
        return pad(d.getUTCFullYear() % 100);
      case 'm':
        return pad(d.getUTCMonth() + 1);
      case 'd':
        return pad(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ');
      case 'H':
        return pad(h);
      case 'I':
        return pad(h % 12 === 0 ? 12 : h % 12);
      case 'p':
        return h < 12 ? 'AM' : 'PM';
      case 'M':
        return pad(d.getUTCMinutes());
      case 'S':
        return pad(d.getUTCSeconds());
      case 'f':
        return pad(d.getUTCMilliseconds() * 1000, 6);
      case 'b':
        return (MONTHS[d.getUTCMonth()] as string).slice(0, 3);
      case 'B':
        return MONTHS[d.getUTCMonth()] as string;
      case 'a':
        return (DAYS[d.getUTCDay()] as string).slice(0, 3);
      case 'A':
        return DAYS[d.getUTCDay()] as string;
      case 'w':
        return String(d.getUTCDay());
      case 'j':
        return pad(dayOfYear(d), 3);
      case 'z':
        return '';
      case 'Z':
        return '';
      case 'F':
        return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case 'T':
        return `${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case '%':
        return '%';
      default:
        return whole;
    }
  });
}

/** Parses `text` with a Python strptime pattern; returns undefined when it does not match. */
export function strptime(text: string, format: string): Date | undefined {
  const fields: string[] = [];
  let re = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '%' && i + 1 < format.length) {
      const c = format[++i] as string;
      const parts: Record<string, string> = {
        Y: '(\\d{4})',
        y: '(\\d{2})',
        m: '(\\d{1,2})',
        d: '(\\d{1,2})',
        H: '(\\d{1,2})',
        I: '(\\d{1,2})',
        M: '(\\d{1,2})',
        S: '(\\d{1,2})',
        f: '(\\d{1,6})',
        p: '(AM|PM|am|pm)',
        b: '([A-Za-z]{3})',
        B: '([A-Za-z]+)',
        a: '[A-Za-z]{3}',
        A: '[A-Za-z]+',
        j: '(\\d{1,3})',
        z: '(Z|[+-]\\d{2}:?\\d{2})?',
      };
      if (c === '%') {
        re += '%';
        continue;
      }
      const p = parts[c];
      if (p === undefined) return undefined;
      if (p.startsWith('(')) fields.push(c);
      re += p;
    } else {
      re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const m = new RegExp(`^${re}$`).exec(text.trim());
  if (!m) return undefined;
  let year = 1900;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let pm: boolean | undefined;
  let doy: number | undefined;
  let offsetMin = 0;
  fields.forEach((f, idx) => {
    const v = m[idx + 1] ?? '';
    const n = Number.parseInt(v, 10);
    switch (f) {
      case 'Y':
        year = n;
        break;
      case 'y':
        year = n < 69 ? 2000 + n : 1900 + n;
        break;
      case 'm':
        month = n;
        break;
      case 'd':
        day = n;
        break;
      case 'H':
      case 'I':
        hour = n;
        break;
      case 'M':
        minute = n;
        break;
      case 'S':
        second = n;
        break;
      case 'f':
        ms = Math.floor(Number.parseInt(v.padEnd(6, '0'), 10) / 1000);
        break;
      case 'p':
        pm = v.toUpperCase() === 'PM';
        break;
      case 'b':
      case 'B': {
        const i = MONTHS.findIndex((mo) => mo.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)));
        if (i < 0) month = Number.NaN;
        else month = i + 1;
        break;
      }
      case 'j':
        doy = n;
        break;
      case 'z':
        if (v && v !== 'Z') {
          const sign = v.startsWith('-') ? -1 : 1;
          const digits = v.slice(1).replace(':', '');
          offsetMin =
            sign * (Number.parseInt(digits.slice(0, 2), 10) * 60 + Number.parseInt(digits.slice(2), 10));
        }
        break;
    }
  });
  if (pm !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 61)
    return undefined;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (doy !== undefined) t = Date.UTC(year, 0, doy, hour, minute, second, ms);
  const d = new Date(t - offsetMin * 60_000);
  if (doy === undefined && d.getUTCDate() !== day && offsetMin === 0) return undefined; // 31 February
  // Date.UTC maps years 0..99 to 1900..1999
  if (year < 100) d.setUTCFullYear(year);
  return d;
}

/** ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T12:00:00`, `2024-01-31 12:00:00.5Z`) as a naive datetime. */
export function parseIsoDate(text: string): Date | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, f, z] = m;
  const iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}.${(f ?? '0').padEnd(3, '0').slice(0, 3)}${z ?? 'Z'}`;
  const out = new Date(iso);
  return Number.isNaN(out.getTime()) ? undefined : out;
}

/** Whole years between `birth` and `now` (UTC calendar). */
export function ageAt(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return Math.max(0, age);
}
