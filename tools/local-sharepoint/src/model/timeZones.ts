/**
 * SharePoint's time zones (`_api/web/RegionalSettings/TimeZones`, SP.TimeZone): the ids and names of
 * Microsoft's table under SPRegionalSettings.TimeZones / SP.RegionalSettings.timeZones, written the
 * way SharePoint Online writes them now ("(UTC-05:00) …" where the 2013 table says "(GMT-05:00) …").
 * `Bias` is Windows' convention (UTC = local time + Bias, in minutes); `DaylightBias` is -60 where
 * the zone keeps summer time today and 0 where it does not. Where a country changed its rules since
 * the table was written (Minsk, Novosibirsk, Amman, Chihuahua, Asuncion, Greenland) the offset is
 * today's; SharePoint Online's exact names and offsets for those are [verify]. English only: a site
 * in another language reads these names translated (Microsoft's localized tables) — not modelled.
 */
export interface SpTimeZone {
  Id: number;
  Description: string;
  Information: { Bias: number; DaylightBias: number; StandardBias: number };
}

type Row = [id: number, description: string, bias: number, daylight: boolean];

const ROWS: Row[] = [
  [2, '(UTC) Dublin, Edinburgh, Lisbon, London', 0, true],
  [3, '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', -60, true],
  [4, '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', -60, true],
  [5, '(UTC+02:00) Athens, Bucharest', -120, true],
  [6, '(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague', -60, true],
  [7, '(UTC+03:00) Minsk', -180, false],
  [8, '(UTC-03:00) Brasilia', 180, false],
  [9, '(UTC-04:00) Atlantic Time (Canada)', 240, true],
  [10, '(UTC-05:00) Eastern Time (US and Canada)', 300, true],
  [11, '(UTC-06:00) Central Time (US and Canada)', 360, true],
  [12, '(UTC-07:00) Mountain Time (US and Canada)', 420, true],
  [13, '(UTC-08:00) Pacific Time (US and Canada)', 480, true],
  [14, '(UTC-09:00) Alaska', 540, true],
  [15, '(UTC-10:00) Hawaii', 600, false],
  [16, '(UTC-11:00) Midway Island, Samoa', 660, false],
  [17, '(UTC+12:00) Auckland, Wellington', -720, true],
  [18, '(UTC+10:00) Brisbane', -600, false],
  [19, '(UTC+09:30) Adelaide', -570, true],
  [20, '(UTC+09:00) Osaka, Sapporo, Tokyo', -540, false],
  [21, '(UTC+08:00) Kuala Lumpur, Singapore', -480, false],
  [22, '(UTC+07:00) Bangkok, Hanoi, Jakarta', -420, false],
  [23, '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', -330, false],
  [24, '(UTC+04:00) Abu Dhabi, Muscat', -240, false],
  [25, '(UTC+03:30) Tehran', -210, false],
  [26, '(UTC+03:00) Baghdad', -180, false],
  [27, '(UTC+02:00) Jerusalem', -120, true],
  [28, '(UTC-03:30) Newfoundland', 210, true],
  [29, '(UTC-01:00) Azores', 60, true],
  [30, '(UTC-02:00) Mid-Atlantic', 120, false],
  [31, '(UTC) Monrovia, Reykjavik', 0, false],
  [32, '(UTC-03:00) Cayenne, Fortaleza', 180, false],
  [33, '(UTC-04:00) Georgetown, La Paz, Manaus, San Juan', 240, false],
  [34, '(UTC-05:00) Indiana (East)', 300, true],
  [35, '(UTC-05:00) Bogota, Lima, Quito', 300, false],
  [36, '(UTC-06:00) Saskatchewan', 360, false],
  [37, '(UTC-06:00) Guadalajara, Mexico City, Monterrey', 360, false],
  [38, '(UTC-07:00) Arizona', 420, false],
  [39, '(UTC-12:00) International Date Line West', 720, false],
  [40, '(UTC+12:00) Fiji', -720, false],
  [41, '(UTC+11:00) Magadan, Solomon Is., New Caledonia', -660, false],
  [42, '(UTC+10:00) Hobart', -600, true],
  [43, '(UTC+10:00) Guam, Port Moresby', -600, false],
  [44, '(UTC+09:30) Darwin', -570, false],
  [45, '(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi', -480, false],
  [46, '(UTC+07:00) Novosibirsk', -420, false],
  [47, '(UTC+05:00) Tashkent', -300, false],
  [48, '(UTC+04:30) Kabul', -270, false],
  [49, '(UTC+02:00) Cairo', -120, true],
  [50, '(UTC+02:00) Harare, Pretoria', -120, false],
  [51, '(UTC+03:00) Moscow, St. Petersburg', -180, false],
  [53, '(UTC-01:00) Cabo Verde Is.', 60, false],
  [54, '(UTC+04:00) Baku', -240, false],
  [55, '(UTC-06:00) Central America', 360, false],
  [56, '(UTC+03:00) Nairobi', -180, false],
  [57, '(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb', -60, true],
  [58, '(UTC+05:00) Ekaterinburg', -300, false],
  [59, '(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius', -120, true],
  [60, '(UTC-02:00) Greenland', 120, true],
  [61, '(UTC+06:30) Yangon (Rangoon)', -390, false],
  [62, '(UTC+05:45) Kathmandu', -345, false],
  [63, '(UTC+08:00) Irkutsk', -480, false],
  [64, '(UTC+07:00) Krasnoyarsk', -420, false],
  [65, '(UTC-04:00) Santiago', 240, true],
  [66, '(UTC+05:30) Sri Jayawardenepura', -330, false],
  [67, '(UTC+13:00) Nuku\'alofa', -780, false],
  [68, '(UTC+10:00) Vladivostok', -600, false],
  [69, '(UTC+01:00) West Central Africa', -60, false],
  [70, '(UTC+09:00) Yakutsk', -540, false],
  [71, '(UTC+06:00) Dhaka', -360, false],
  [72, '(UTC+09:00) Seoul', -540, false],
  [73, '(UTC+08:00) Perth', -480, false],
  [74, '(UTC+03:00) Kuwait, Riyadh', -180, false],
  [75, '(UTC+08:00) Taipei', -480, false],
  [76, '(UTC+10:00) Canberra, Melbourne, Sydney', -600, true],
  [77, '(UTC-07:00) Chihuahua, La Paz, Mazatlan', 420, false],
  [78, '(UTC-08:00) Tijuana, Baja California', 480, true],
  [79, '(UTC+03:00) Amman', -180, false],
  [80, '(UTC+02:00) Beirut', -120, true],
  [81, '(UTC-04:00) Manaus', 240, false],
  [82, '(UTC+04:00) Tbilisi', -240, false],
  [83, '(UTC+02:00) Windhoek', -120, false],
  [84, '(UTC+04:00) Yerevan', -240, false],
  [85, '(UTC-03:00) Buenos Aires', 180, false],
  [86, '(UTC+01:00) Casablanca', -60, false],
  [87, '(UTC+05:00) Islamabad, Karachi', -300, false],
  [88, '(UTC-04:00) Caracas', 240, false],
  [89, '(UTC+04:00) Port Louis', -240, false],
  [90, '(UTC-03:00) Montevideo', 180, false],
  [91, '(UTC-03:00) Asuncion', 180, false],
  [92, '(UTC+12:00) Petropavlovsk-Kamchatsky', -720, false],
  [93, '(UTC) Coordinated Universal Time', 0, false],
  [94, '(UTC+08:00) Ulaanbaatar', -480, false]
];

export const TIME_ZONES: readonly SpTimeZone[] = ROWS.map(([Id, Description, Bias, daylight]) => ({
  Id, Description, Information: { Bias, DaylightBias: daylight ? -60 : 0, StandardBias: 0 }
}));

/** The zone every local site is in: DateTime values here are stored and compared in UTC. */
export const UTC_ZONE_ID = 93;

export function timeZoneById(id: number): SpTimeZone | undefined {
  return TIME_ZONES.find((z) => z.Id === id);
}
