/**
 * Hand-written place data the packages lack or spell otherwise: newsroom spellings of countries
 * ("U.S.", "Britain"), demonyms, the two- and three-letter codes news copy really writes, and
 * places in no package (US states, regions, provinces, former states, English counties).
 * General geography, written by hand.
 */

// Codes that news copy really writes; other two-letter codes (IT, IN, AT, BE...) are English words.
export const CODES_IN_USE = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);

// Spellings the package does not list, in common newsroom use.
export const COUNTRY_PATCHES: Array<[string, string]> = [
  ['U.S.', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['United States of America', 'United States'],
  ['Britain', 'United Kingdom'],
  ['U.K.', 'United Kingdom'],
  ['U.A.E.', 'United Arab Emirates'],
  ['Holland', 'Netherlands'],
  ['the Netherlands', 'Netherlands'],
  ['Czech Republic', 'Czechia'],
  ['Ivory Coast', 'Ivory Coast'],
  ['South Korea', 'South Korea'],
  ['North Korea', 'North Korea'],
  ['Republic of Korea', 'South Korea'],
  ['Taiwan', 'Taiwan'],
  ['Russian Federation', 'Russia'],
  ['Vatican', 'Vatican City'],
];

export const DEMONYM_PATCHES: Array<[string, string]> = [
  ['american', 'United States'],
  ['british', 'United Kingdom'],
  ['dutch', 'Netherlands'],
  ['north korean', 'North Korea'],
  ['south korean', 'South Korea'],
  ['korean', 'South Korea'],
  ['czech', 'Czechia'],
  ['filipino', 'Philippines'],
  ['israeli', 'Israel'],
  ['saudi', 'Saudi Arabia'],
  ['west german', 'West Germany'],
  ['east german', 'East Germany'],
  ['soviet', 'Soviet Union'],
];
/** Names that are places but in no package: US states, regions, former states. */
export const OTHER_PLACE_NAMES: string[] = `
  Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia,
  Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts,
  Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, Ohio, Oklahoma, Oregon,
  Pennsylvania, Tennessee, Texas, Utah, Vermont, Virginia, Washington, Wisconsin, Wyoming, England,
  Scotland, Wales, Europe, Asia, Africa, Antarctica, Oceania, Australasia, Americas, Scandinavia,
  Siberia, Balkans, Caribbean, Caucasus, Kashmir, Chechnya, Gaza, Kurdistan, Tibet, Crimea,
  Transylvania, Bosnia, Herzegovina, Kosovo, Ulster, Flanders, Wallonia, Bavaria, Catalonia,
  Andalusia, Patagonia, Sahara, Sahel, Mideast, Indochina, Punjab, Quebec, Ontario, Alberta, Manitoba,
  Saskatchewan, Yukon, Tasmania, Queensland, Yugoslavia, Czechoslovakia, Zaire, USSR, Burma, Rhodesia,
  New Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Rhode Island,
  South Carolina, South Dakota, West Virginia, District of Columbia, Middle East, Far East, Near East,
  North America, South America, Latin America, Central America, Central Asia, East Asia,
  Southeast Asia, South Asia, West Africa, East Africa, North Africa, Southern Africa, Western Europe,
  Eastern Europe, Central Europe, West Bank, Gaza Strip, Golan Heights, Persian Gulf, Soviet Union,
  East Germany, West Germany, Hong Kong, British Columbia, Nova Scotia, New South Wales,
  Northern Ireland, Northern Territory, Western Australia, South Australia, Asia-Pacific, Pacific Rim,
  Horn of Africa, Silicon Valley, Wall Street, Northern Cape, Eastern Cape, Western Cape, Gulf,
  Midwest, Deep South, New England, Arctic, Antarctic, Alps, Andes, Himalayas, Pyrenees, Urals,
  Rockies, Amazon, Riviera, Baltics, Maghreb, Levant, Sinai, Negev, Galilee, Mindanao, Luzon, Borneo,
  Sumatra, Java, Bali, Sardinia, Sicily, Corsica, Crete, Cyprus, Greenland, Lapland, Yorkshire,
  Lancashire, Kent, Essex, Surrey, Sussex, Somerset, Derbyshire, Hampshire, Middlesex,
  Gloucestershire, Worcestershire, Warwickshire, Leicestershire, Northamptonshire, Nottinghamshire,
  Glamorgan, Durham, Cornwall, Devon, Dorset, Norfolk, Suffolk, Cheshire, Cumbria, Merseyside,
  Lincolnshire, Staffordshire, Shropshire, Oxfordshire, Alsace, Lorraine, Brittany, Normandy,
  Provence, Burgundy, Lombardy, Tuscany, Piedmont, Saxony, Hesse, Thuringia, Galicia, Castile,
  Asturias, Transvaal, Natal, KwaZulu-Natal, Gauteng, Darfur, Ogaden, Guangdong, Guangxi, Fujian,
  Zhejiang, Jiangsu, Shandong, Hebei, Henan, Hubei, Hunan, Sichuan, Yunnan, Guizhou, Shaanxi, Shanxi,
  Gansu, Qinghai, Xinjiang, Inner Mongolia, Heilongjiang, Jilin, Liaoning, Anhui, Jiangxi, Hainan,
  Assam, Bihar, Gujarat, Kerala, Maharashtra, Rajasthan, Uttar Pradesh, Madhya Pradesh,
  Andhra Pradesh, Tamil Nadu, Karnataka, Orissa, Odisha, Sindh, Baluchistan, Balochistan,
  Khyber Pakhtunkhwa, Aceh, Irian Jaya, Papua, Chiapas, Michoacan, Jalisco, Sonora, Chihuahua,
  Dagestan, Ingushetia, Tatarstan, Bashkortostan, Yakutia, Chukotka, Kamchatka, Nagorno-Karabakh,
  Abkhazia, Ossetia, South Ossetia, Transnistria, Slavonia, Krajina, Vojvodina, Montenegro, Anatolia,
  Bengal, West Bengal, Tigray, Oromia,
`
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
