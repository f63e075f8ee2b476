/** The strftime/strptime subset `inDateFormat`/`outDateFormat` take: %Y %y %m %d %H %M %S %f %%. Dates are naive UTC. */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function strftime(d: Date, fmt: string): string {
  return fmt.replace(/%([YymdHMSf%])/g, (_, c: string) => {
    switch (c) {
      case 'Y':
        return pad(d.getUTCFullYear(), 4);
      case 'y':
        return pad(d.getUTCFullYear() % 100);
      case 'm':
        return pad(d.getUTCMonth() + 1);
      case 'd':
        return pad(d.getUTCDate());
      case 'H':
        return pad(d.getUTCHours());
      case 'M':
        return pad(d.getUTCMinutes());
      case 'S':
        return pad(d.getUTCSeconds());
      case 'f':
        return pad(d.getUTCMilliseconds() * 1000, 6);
      default:
        return '%';
    }
  });
}

/** Parses `text` with `fmt`; undefined when it does not match. */
export function strptime(text: string, fmt: string): Date | undefined {
  const fields: string[] = [];
  let re = '^';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '%' && i + 1 < fmt.length) {
      const c = fmt[++i] as string;
      if (c === '%') re += '%';
      else {
        fields.push(c);
        re += c === 'Y' ? '(\\d{4})' : c === 'f' ? '(\\d{1,6})' : '(\\d{1,2})';
      }
    } else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`${re}$`).exec(text.trim());
  if (!m) return undefined;
  let Y = 1900;
  let mo = 1;
  let d = 1;
  let H = 0;
  let Mi = 0;
  let S = 0;
  let ms = 0;
  fields.forEach((c, i) => {
    const v = m[i + 1] as string;
    const n = Number(v);
    if (c === 'Y') Y = n;
    else if (c === 'y') Y = n < 69 ? 2000 + n : 1900 + n;
    else if (c === 'm') mo = n;
    else if (c === 'd') d = n;
    else if (c === 'H') H = n;
    else if (c === 'M') Mi = n;
    else if (c === 'S') S = n;
    else if (c === 'f') ms = Math.floor(Number(v.padEnd(6, '0')) / 1000);
  });
  return new Date(Date.UTC(Y, mo - 1, d, H, Mi, S, ms));
}
