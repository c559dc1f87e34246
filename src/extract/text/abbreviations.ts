/**
 * Abbreviations whose period belongs to the word ("Mr.", "Inc.", "Calif."): the one list both
 * tokenisers read. Each line says who keeps the period:
 *
 *   a  the article tokeniser (entities): ARTICLE_ABBREVIATIONS.
 *   w  the word tokeniser (quotes): WORD_ABBREVIATIONS.
 *   n  the article tokeniser's sentence split: the abbreviation qualifies the word after it ("Mr.
 *      Lee", "Mt. Kenya", "No. 3"), so its period never ends a sentence: PREFIX_ABBREVIATIONS.
 *
 * The two tokenisers differ on company forms and US state abbreviations; they are kept as they
 * are so that extraction gives the same output. Dotted letters ("U.S", "N.Y") need no entry:
 * both tokenisers keep the period of any such word.
 */
import { flaggedTable, subset } from './vocabulary.js';

const ABBREVIATIONS = flaggedTable(`
  awn  mr mrs ms dr st gov sen rep gen col lt capt sgt prof rev mt ft no
  aw   jr sr adm inc corp co ltd vs jan feb mar apr jun jul aug sep sept oct nov dec
  a    bros messrs cie pty cmdr
  w    etc approx est ave blvd
  # US states, as datelines and party tags write them ("(D-Calif.)").
  w    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
  w    okla ore pa penn tenn tex va vt wash wis wyo
`);

export const ARTICLE_ABBREVIATIONS = subset(ABBREVIATIONS, 'a');
export const WORD_ABBREVIATIONS = subset(ABBREVIATIONS, 'w');
export const PREFIX_ABBREVIATIONS = subset(ABBREVIATIONS, 'n');
