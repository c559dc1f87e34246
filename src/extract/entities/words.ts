/**
 * Small hand-written English word lists for entity extraction: the head words that make a
 * capitalised run an organisation or a place, the words around a name that tell its kind, and the
 * words that mark a run as something we do not index (events, awards, nationalities). General
 * English, written by hand. Role words are in text/roles.ts, shared with quote attribution.
 */

import { wordSet } from '../text/vocabulary.js';

/** Role words that, after a capitalised name, mark that name as an organisation ("Kremlin spokesman"). */
export const ORG_ROLE_AFTER = wordSet(`
  spokesman spokeswoman spokesperson official officials chief chairman chairwoman president ceo
  executive executives director directors secretary-general secretary general manager managers
  economist economists analyst analysts member members leader leaders source sources statement
`);

/** Last word of an organisation name. */
export const ORG_HEADS = wordSet(`
  inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv bv gmbh spa srl kk lp llp
  company companies group holdings holding bank banks bancorp party university college school
  academy institute institution ministry council association federation union unions committee
  commission agency authority board bureau department court parliament congress senate assembly
  army navy police guard guards forces force command airlines airline airways exchange fund trust
  foundation club fc cf ac sc front movement league church cabinet office service services systems
  technologies technology industries industry motors motor electric energy oil petroleum gas
  pharmaceuticals pharmaceutical communications telecom telecommunications securities capital
  partners times post news journal network radio television tv press newspaper magazine
  broadcasting broadcasting organisation organization society centre center laboratories labs
  hospital clinic cooperative co-op federal reserve enterprises products resources mining mines
  steel chemicals chemical foods brewery breweries airport railways railway rail hotels hotel
  insurance assurance finance financial investments investment management consulting international
  worldwide newsroom
  brigade battalion division regiment mission delegation tribunal directorate secretariat
  government administration coalition alliance alliance council parliament
  bundesbank
  engineering engineers construction shipbuilding shipyard shipyards shipping logistics electronics
  software semiconductor semiconductors motors automotive aerospace airlines aviation cargo
  petrochemical petrochemicals refining utilities power telecoms media publishing entertainment
  studios pictures records brewing distillers textiles cement paper plastics robotics biotech
  therapeutics bancshares bancorporation bankshares trading traders exports imports properties
  realty developments ventures equities lines marine maritime navigation
  athletic rovers united wanderers albion hotspur rangers harriers
  daily gazette herald tribune courier chronicle observer telegraph
`);

/** First word of an organisation name: venues and businesses ("Café Lanterna", "Banco Ribeira"). */
export const ORG_FIRST = wordSet(`
  café cafe restaurant bistro brasserie trattoria pizzeria banco banca grupo club sporting olympique
  dynamo dinamo spartak lokomotiv atletico athletico
`);

/**
 * Heads after "X and Y" that make the whole run one organisation ("Transport and Dockworkers'
 * Union", "Haddow & Pike Co").
 */
export const ORG_HEADS_WITH_AND = wordSet(`
  union unions association federation society council committee company co co. corp corp. inc inc.
  ltd ltd. plc group institute foundation trust alliance league guild chamber commission bank
  partners industries holdings services
`);

/**
 * Lower-case words after a name that make it an organisation ("Brill shares", "Le Veilleur
 * newspaper", "Reds manager").
 */
export const ORG_NOUNS_AFTER = wordSet(`
  newspaper paper daily weekly magazine agency shares stock stocks shareholders subsidiary unit
  division headquarters chairman ceo executives board employees workers staff unions bid
  takeover merger venture plant plants factory factories brand products profits profit earnings
  revenues revenue sales results stake deal franchise club side team squad fans players coach
`);

/**
 * Lower-case words before "of X" that make X a place ("the town of Veltra", "the province of
 * Kessel").
 */
export const PLACE_NOUNS_BEFORE_OF = wordSet(`
  city town village province region state county district island islands port capital suburb
  suburbs outskirts area republic enclave valley municipality prefecture oblast governorate
  kingdom emirate north south east west centre center heart streets
`);

/** Lower-case words after a name that make it a place ("Kessel province", "Veltra region"). */
export const PLACE_NOUNS_AFTER = wordSet(`
  province region district county state city town village area island islands valley border
  borders oblast prefecture governorate municipality enclave airport port suburb
`);

/** Acronyms that name measures, titles or things, never organisations. General English. */
export const NON_ENTITY_ACRONYMS = wordSet(`
  gdp gnp cpi ppi rbi rbis era eps ipo nav agm egm ceo cfo coo cto vat hiv aids dna rna ufo faq
  pc tv am pm ad bc gmt utc usd mph kph rpm ok ko tko mvp ppg nb ps pps vip ep lp cd dvd
  lbs lb kg km pct yr yrs qtr avg shr shrs ebit ebitda net
`);

/** Words that make an organisation name even in the middle of a run ("Bank of England"). */
export const ORG_HEADS_BEFORE_OF = wordSet(`
  bank university college school academy institute ministry council association federation union
  committee commission agency authority board bureau department court church museum office league
  organisation organization society centre center chamber house government order movement front
  army party confederation alliance parliament assembly senate congress fund foundation trust
  corporation company group federal reserve exchange
`);

/** Last word of a place name. */
export const PLACE_HEADS = wordSet(`
  river rivers mountain mountains mount mt mt. lake lakes sea ocean island islands isles isle gulf
  bay valley street avenue road square province county state district region republic strait straits
  peninsula coast desert plain plains basin delta canal channel heights hills hill forest park
  bridge airport harbour harbor port city town village square capital territory territories
  kingdom emirate emirates oblast prefecture stadium arena ground oval
`);

/** First word of a place name ("Lake Orla", "Mount Kessel"). */
export const PLACE_FIRST = wordSet(
  `lake mount mt mt. cape port fort ft ft. saint st st. san santa sao são los las el`,
);

/**
 * Heads of names that CoNLL and this index treat as miscellaneous (events, prizes, titles of works,
 * products): a run ending in one of these is not a person, organisation or place.
 */
export const MISC_HEADS = wordSet(`
  cup open championship championships games olympics olympic prix tour war wars award awards prize
  trophy derby rally series classic marathon festival grand slam masters week day year act treaty
  accord accords agreement plan index indices prize bowl tournament challenge invitational
  conference summit amendment convention caucus caucuses primary primaries debate debates
`);

/** Words that join two capitalised parts of one name. */
export const NAME_CONNECTORS = wordSet(
  `de del della di da du des la le van von der den ter ten al el bin ben ibn y dos das`,
);

/**
 * Famous institutions named after their seat, used as organisations (metonymy is the whole point
 * of "the Kremlin said").
 */
export const INSTITUTIONS = new Map<string, string>([
  ['kremlin', 'Kremlin'],
  ['white house', 'White House'],
  ['pentagon', 'Pentagon'],
  ['downing street', 'Downing Street'],
  ['elysee', 'Elysee'],
  ['élysée', 'Élysée'],
  ['state department', 'State Department'],
  ['bundesbank', 'Bundesbank'],
  ['congress', 'Congress'],
  ['senate', 'Senate'],
  ['parliament', 'Parliament'],
  ['supreme court', 'Supreme Court'],
  ['reuters', 'Reuters'],
  ['interfax', 'Interfax'],
  ['itar-tass', 'Itar-Tass'],
  ['xinhua', 'Xinhua'],
  ['nato', 'NATO'],
  ['opec', 'OPEC'],
  ['united nations', 'United Nations'],
  ['european union', 'European Union'],
  ['european commission', 'European Commission'],
  ['security council', 'Security Council'],
  ['wall street', 'Wall Street'],
]);

/** Institutions that are places by CoNLL convention. */
export const INSTITUTION_PLACES = new Set(['wall street']);

/** Nationality, religion and region adjectives not covered by country demonyms. */
export const EXTRA_DEMONYMS = wordSet(`
  western eastern northern southern islamic muslim moslem christian catholic protestant orthodox
  jewish arab arabic european african asian latin soviet kurdish basque palestinian shi'ite shiite
  sunni hindu sikh buddhist english scottish welsh scot scots nordic scandinavian balkan caucasian
  hispanic persian slav slavic baltic atlantic pacific mediterranean serb croat chechen kurd tamil
  hutu tutsi islamist yugoslav bosnian maoist marxist
`);

/**
 * Capitalised words that are not names at the start of a run (sentence openers, headline words),
 * beyond what the tagger marks as common words.
 */
export const NON_NAME_WORDS = wordSet(`
  the a an this that these those it its he she they we i you his her their our my your there here
  but and or so if when while after before as at by for from in into of on to with without
  mr mrs ms
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov.
  dec dec.
  god internet web gmt edt est bst cet
  christmas easter ramadan eid hanukkah thanksgiving diwali passover lent advent
`);

/** Home nations that field national teams: places, not clubs, in results. */
export const NATIONS = new Set(['england', 'scotland', 'wales', 'northern ireland']);

/** Plural nouns for political followers: miscellaneous, not organisations. */
export const PARTY_MEMBERS = wordSet(`
  democrats republicans communists socialists conservatives liberals islamists tories nationalists
  separatists loyalists
`);

/** Words after a demonym that make it stand for the state. */
export const STATE_NOUNS = wordSet(`
  government governments forces force troops army military navy air-force president prime leader
  leaders officials official authorities administration regime war economy parliament ministry
  minister embassy border territory side state capital central police security intelligence diplomat
  diplomats delegation spokesman spokeswoman foreign defence defense finance interior counterpart
  counterparts
`);
