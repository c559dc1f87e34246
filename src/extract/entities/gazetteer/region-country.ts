/**
 * The country of places that are no country and no city in the packages: states, provinces and
 * regions inside one country, and the states of the past with their ISO 3166-3 codes (a wire
 * archive from 1987 writes "West Germany" and "the Soviet Union"). General geography, written by
 * hand; a region spanning countries (Kashmir, Punjab, the Alps) is left out.
 */
const REGIONS: Record<string, string> = {
  US: `Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia,
    Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts,
    Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, Ohio, Oklahoma, Oregon,
    Pennsylvania, Tennessee, Texas, Utah, Vermont, Virginia, Washington, Wisconsin, Wyoming,
    New Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Rhode Island,
    South Carolina, South Dakota, West Virginia, District of Columbia, Midwest, Deep South, New England,
    Silicon Valley, Wall Street`,
  GB: `England, Scotland, Wales, Northern Ireland, Ulster, Yorkshire, Lancashire, Kent, Essex, Surrey,
    Sussex, Somerset, Derbyshire, Hampshire, Middlesex, Gloucestershire, Worcestershire, Warwickshire,
    Leicestershire, Northamptonshire, Nottinghamshire, Glamorgan, Durham, Cornwall, Devon, Dorset,
    Norfolk, Suffolk, Cheshire, Cumbria, Merseyside, Lincolnshire, Staffordshire, Shropshire,
    Oxfordshire`,
  CA: `Quebec, Ontario, Alberta, Manitoba, Saskatchewan, Yukon, British Columbia, Nova Scotia`,
  AU: `Tasmania, Queensland, New South Wales, Northern Territory, Western Australia, South Australia`,
  CN: `Tibet, Guangdong, Guangxi, Fujian, Zhejiang, Jiangsu, Shandong, Hebei, Henan, Hubei, Hunan,
    Sichuan, Yunnan, Guizhou, Shaanxi, Shanxi, Gansu, Qinghai, Xinjiang, Inner Mongolia, Heilongjiang,
    Jilin, Liaoning, Anhui, Jiangxi, Hainan`,
  IN: `Assam, Bihar, Gujarat, Kerala, Maharashtra, Rajasthan, Uttar Pradesh, Madhya Pradesh,
    Andhra Pradesh, Tamil Nadu, Karnataka, Orissa, Odisha, West Bengal`,
  RU: `Siberia, Chechnya, Dagestan, Ingushetia, Tatarstan, Bashkortostan, Yakutia, Chukotka, Kamchatka`,
  FR: `Alsace, Lorraine, Brittany, Normandy, Provence, Burgundy, Corsica`,
  IT: `Sardinia, Sicily, Lombardy, Tuscany, Piedmont`,
  DE: `Bavaria, Saxony, Hesse, Thuringia, West Germany`,
  ES: `Catalonia, Andalusia, Galicia, Castile, Asturias`,
  ZA: `Transvaal, Natal, KwaZulu-Natal, Gauteng, Northern Cape, Eastern Cape, Western Cape`,
  PK: `Sindh, Baluchistan, Balochistan, Khyber Pakhtunkhwa`,
  ID: `Aceh, Irian Jaya, Sumatra, Java, Bali`,
  MX: `Chiapas, Michoacan, Jalisco, Sonora, Chihuahua`,
  BE: `Flanders, Wallonia`,
  PH: `Mindanao, Luzon`,
  SD: `Darfur`,
  ET: `Ogaden, Tigray, Oromia`,
  GR: `Crete`,
  SU: `Soviet Union, USSR`,
  DD: `East Germany`,
  YU: `Yugoslavia`,
  CS: `Czechoslovakia`,
  ZR: `Zaire`,
  MM: `Burma`,
  ZW: `Rhodesia`,
};

/** By ISO 3166 code, the places lying in that country. */
export const REGION_COUNTRY: Record<string, string[]> = Object.fromEntries(
  Object.entries(REGIONS).map(([code, list]) => [
    code,
    list
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
  ]),
);

/** Names for the ISO 3166-3 codes of former states, which world-countries does not list. */
export const FORMER_STATES: Record<string, string> = {
  SU: 'Soviet Union',
  DD: 'East Germany',
  YU: 'Yugoslavia',
  CS: 'Czechoslovakia',
  ZR: 'Zaire',
};
