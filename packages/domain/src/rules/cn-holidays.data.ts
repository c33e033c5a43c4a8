/*
 * China's national holidays, as law and as each year's official arrangement.
 *
 * Law: 全国年节及纪念日放假办法 as revised by State Council Order No. 795 (国务院令第795号, 2024-11-10, in force
 * 2025-01-01). Art. 2, holidays of all citizens: 元旦 1 day (1 January); 春节 4 days (除夕 and 正月初一-初三);
 * 清明节 1 day; 劳动节 2 days (1-2 May); 端午节 1 day; 中秋节 1 day; 国庆节 3 days (1-3 October), 13 in all.
 * Art. 3 days (妇女节, 青年节, 儿童节, 建军节) are for part of the citizens only and are not national holidays.
 * Art. 6: a holiday of all citizens that falls on a Saturday or Sunday is made up on a working day.
 *
 * Arrangement: every year, usually in November, the General Office of the State Council (国务院办公厅) publishes
 * 《关于<year>年部分节假日安排的通知》 on www.gov.cn (政策 → 最新 → 国务院办公厅文件): the days off around each holiday
 * (放假调休) and the weekend days that are working days instead (上班, make-up working days). Add the next year
 * here when it is published, with its document number. Until then the year's days off are projected from Art. 2
 * and the principle the 2025 notice states for every year from 2025 on: 春节 8 days from 除夕, 劳动节 5 days,
 * 国庆节 7 days from 1 October (8 when 中秋 falls in them), the others 3 days joined to the weekend, or the day
 * alone when it is a Wednesday (cn-holiday-calendar.rule.ts).
 */

/** One holiday of a year's arrangement: every date from `from` to `to` (inclusive) is a day off. */
export interface HolidaySpan {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface HolidayArrangement {
  readonly year: number;
  /** The General Office notice, with its document number and date. */
  readonly notice: string;
  readonly holidays: readonly HolidaySpan[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly workdays: readonly string[];
}

export const CN_ARRANGEMENTS: readonly HolidayArrangement[] = [
  {
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12 (Xinhua, gov.cn)',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (Xinhua, gov.cn)',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/**
 * The lunar and solar-term dates Art. 2 needs: 春节 is 正月初一 (its holiday starts the day before, 除夕), 清明 the
 * solar term, 端午 5/5 and 中秋 8/15 of the lunar calendar. The table test checks them against date-holidays'
 * lunar calendar, which answers for the years after 2030.
 */
export const CN_LUNAR_DATES: Readonly<
  Record<number, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }>
> = {
  2025: {
    springFestival: '2025-01-29',
    qingming: '2025-04-04',
    dragonBoat: '2025-05-31',
    midAutumn: '2025-10-06',
  },
  2026: {
    springFestival: '2026-02-17',
    qingming: '2026-04-05',
    dragonBoat: '2026-06-19',
    midAutumn: '2026-09-25',
  },
  2027: {
    springFestival: '2027-02-06',
    qingming: '2027-04-05',
    dragonBoat: '2027-06-09',
    midAutumn: '2027-09-15',
  },
  2028: {
    springFestival: '2028-01-26',
    qingming: '2028-04-04',
    dragonBoat: '2028-05-28',
    midAutumn: '2028-10-03',
  },
  2029: {
    springFestival: '2029-02-13',
    qingming: '2029-04-04',
    dragonBoat: '2029-06-16',
    midAutumn: '2029-09-22',
  },
  2030: {
    springFestival: '2030-02-03',
    qingming: '2030-04-05',
    dragonBoat: '2030-06-05',
    midAutumn: '2030-09-12',
  },
};
