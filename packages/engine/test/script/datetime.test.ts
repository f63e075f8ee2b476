import { describe, expect, it } from 'vitest';
import { PyDate, PyDateTime, PyTimedelta, pyStr } from '../../src/script';
import { run } from './helpers';

// ctx.now is 2024-01-15 10:30:45 UTC (see helpers.ts)
const cases: [string, unknown][] = [
  ['datetime.now().year', 2024],
  ['datetime.now().month', 1],
  ['datetime.now().hour', 10],
  ['datetime.datetime.now().minute', 30],
  ["datetime.now().strftime('%Y-%m-%d %H:%M:%S')", '2024-01-15 10:30:45'],
  ["(datetime.now() - timedelta(days=30)).strftime('%Y-%m-%d')", '2023-12-16'],
  ["(datetime.now() + timedelta(hours=20)).strftime('%d %H')", '16 06'],
  ["datetime.datetime(2024, 2, 29).strftime('%a %A %b %B %j %y')", 'Thu Thursday Feb February 060 24'],
  ["datetime(2024, 1, 2, 15, 4, 5).strftime('%I:%M %p')", '03:04 PM'],
  ["datetime(2024, 1, 2, 3, 4, 5, 120000).strftime('%f')", '120000'],
  ["datetime(2024, 1, 2, 3, 4, 5).strftime('%z|%%')", '|%'],
  ['datetime(2024, 1, 2, 3, 4, 5).isoformat()', '2024-01-02T03:04:05'],
  ['str(datetime(2024, 1, 2, 3, 4, 5))', '2024-01-02 03:04:05'],
  ['str(datetime(2024, 1, 2, 3, 4, 5).date())', '2024-01-02'],
  ['date(2024, 3, 1).isoformat()', '2024-03-01'],
  ['str(date(2024, 3, 1) - timedelta(days=1))', '2024-02-29'],
  ['(date(2024, 3, 1) - date(2024, 1, 1)).days', 60],
  ['(datetime(2024, 1, 2) - datetime(2024, 1, 1, 12)).total_seconds()', 43200],
  ['str(datetime(2024, 1, 2) - datetime(2024, 1, 1, 12))', '12:00:00'],
  ['str(timedelta(days=2, hours=3, minutes=4, seconds=5))', '2 days, 3:04:05'],
  ['str(-timedelta(seconds=1))', '-1 day, 23:59:59'],
  ['timedelta(weeks=1).days', 7],
  ['datetime(2024, 1, 1) < datetime(2024, 1, 2)', true],
  ['datetime(2024, 1, 1) == datetime(2024, 1, 1)', true],
  ['datetime(2024, 1, 1, 0, 0, 0).timestamp()', 1704067200],
  ["datetime(2024, 5, 17).replace(year=2020, day=1).strftime('%Y-%m-%d')", '2020-05-01'],
  ['date.today().day', 15],
  ['datetime.date.today().isoformat()', '2024-01-15'],
  ["datetime.strptime('2021-03-04 05:06', '%Y-%m-%d %H:%M').isoformat()", '2021-03-04T05:06:00'],
  ["datetime.fromisoformat('2021-03-04T05:06:07').second", 7],
  ['datetime(2024, 1, 15).weekday()', 0],
  ["f'{datetime(2024, 1, 2):%d.%m.%Y}'", '02.01.2024'],
  // DATAMIMIC datetime helpers, as functions and chainable methods
  ['str(add_days(datetime(2024, 1, 31), 1))', '2024-02-01 00:00:00'],
  ['str(add_months(date(2024, 1, 31), 1))', '2024-02-29'],
  ['str(add_years(date(2024, 2, 29), 1))', '2025-02-28'],
  ['str(add_hours(date(2024, 1, 1), 5))', '2024-01-01 05:00:00'],
  ['str(datetime(2024, 1, 31, 8).add_months(1).end_of_month())', '2024-02-29 23:59:59.999000'],
  ['str(date(2024, 5, 17).start_of_month())', '2024-05-01'],
  ['str(date(2024, 5, 17).end_of_year())', '2024-12-31'],
  ['str(datetime(2024, 5, 17, 13).start_of_day())', '2024-05-17 00:00:00'],
  ["str(date_offset(datetime(2024, 1, 1), '1y2mo3d4h'))", '2025-03-04 04:00:00'],
  ["str(datetime(2024, 3, 1).date_offset('-1d'))", '2024-02-29 00:00:00'],
  ["add_weeks(datetime.now(), 2).strftime('%Y-%m-%d')", '2024-01-29'],
  ['datetime.now().date() == date(2024, 1, 15)', true],
];

describe('datetime', () => {
  it.each(cases)('%s', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });

  it('returns exported classes the runtime can recognise', () => {
    expect(run('datetime.now()')).toBeInstanceOf(PyDateTime);
    expect(run('date(2024, 1, 1)')).toBeInstanceOf(PyDate);
    expect(run('timedelta(days=1)')).toBeInstanceOf(PyTimedelta);
    expect(pyStr(run('datetime(2024, 1, 2, 3, 4, 5)'))).toBe('2024-01-02 03:04:05');
    expect(JSON.stringify(run('[datetime(2024, 1, 2, 3, 4, 5), date(2024, 1, 2)]'))).toBe(
      '["2024-01-02T03:04:05","2024-01-02"]',
    );
  });

  it('reads a JS Date from the scope as a datetime', () => {
    expect(run("d.strftime('%Y/%m/%d')", { d: new Date(Date.UTC(2020, 6, 4)) })).toBe('2020/07/04');
  });

  it('helpers refuse strings (a formatted date is no longer a datetime)', () => {
    expect(() => run("add_days('2024-01-01', 1)")).toThrow(/needs a datetime or date, not 'str'/);
    expect(() => run("date_offset(datetime.now(), '3x')")).toThrow(/invalid offset '3x'/);
  });

  it('rejects invalid dates with a script error', () => {
    expect(() => run('datetime(2023, 2, 29)')).toThrow(/day must be in 1..28/);
  });
});
