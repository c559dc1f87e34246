/**
 * Titles, offices, occupations and the words that qualify them ("former", "foreign", "top"):
 * the one role vocabulary of extraction. Four callers read it, and they need different words,
 * so each line says which of them knows its words:
 *
 *   p  ROLE_PREFIXES: entities. A role written before a person's name ("Kremlin spokesman Oleg
 *      Marin", "Bank of England Governor") is split off the name and kept in the role-prefixed
 *      alias; a multi-word role is matched word by word, hence the departments and qualifiers.
 *   s  SPEAKER_ROLES: quotes. Words that may head or sit inside a description of a speaker
 *      ("the senator", "a senior campaign aide"), which points back to a person named earlier.
 *   t  NAME_TITLES: quotes. Titles stripped from a speaker phrase to get the bare name
 *      ("President Ann Lee" → "Ann Lee").
 *   c  CORE_ROLES: entities. Offices and honorifics proper: a capitalised run made only of role
 *      words is no entity, a role before a name is split off only when it holds one, and one
 *      right before a name is evidence of a person.
 *
 * The subsets grew apart (news wire sport and business roles for entities, US politics and media
 * for quotes); they are kept as they are so that extraction gives the same output. A word added
 * here should be added with the flags of every caller that ought to know it.
 */
import { flaggedTable, subset } from './vocabulary.js';

const ROLES = flaggedTable(`
  pstc mr mr. mrs mrs. ms ms. dr dr. prof. rev. president minister premier chancellor secretary deputy
  pstc chief chairman chairwoman director governor senator sen sen. representative rep rep. congressman
  pstc congresswoman speaker mayor judge general gen. col. king queen prince pope spokesman spokeswoman
  pstc ambassador leader professor
  pst  vice prime acting former gov gov. justice attorney lt. capt. sgt. candidate nominee state
  psc  gen commander spokesperson official adviser aide manager ceo
  ps   executive chair advisor veteran analyst economist strategist lawyer prosecutor foreign defense
  ps   press national security senior top head founder owner editor author writer scientist researcher
  ps   billionaire businessman businesswoman lawmaker legislator diplomat activist
  ptc  sir lord colonel captain princess
  pt   dame lady admiral reverend democratic republican democrat independent libertarian
  pc   prof rev lieutenant sheikh emir ayatollah cardinal bishop archbishop rabbi officials envoy coach
  pc   striker midfielder defender goalkeeper
  p    father sister brother vice-president ministers undersecretary under-secretary assistant interim
  p    late chairperson lt col major maj maj. capt sgt sergeant marshal field corporal private emperor
  p    sultan imam negotiator leaders opposition rebel rebels challenger keeper forward skipper batsman
  p    bowler all-rounder opener seamer spinner pitcher catcher quarterback champion titleholder holder
  p    rider driver player players newcomer compatriot countryman teammate team-mate world number seed
  p    seeded top-seeded unseeded no. dealer trader broker investigator inspector detective police
  p    constable finance defence interior trade economy economic energy health education agriculture
  p    labour labor transport industry home party communist socialist conservative liberal labour-party
  p    treasury commerce information culture sports tourism environment budget boss publisher poet
  p    novelist actor actress singer composer producer artist designer architect astronaut tycoon
  p    magnate entrepreneur investor banker politician dissident campaigner
  st   frontrunner front-runner hopeful officer counsel sheriff commissioner house majority minority
  s    pollster mogul host anchor expert organizer whip treasurer councilman councilwoman delegate
  st   councillor
  s    superdelegate star columnist reporter journalist historian consultant operative donor fundraiser
  s    lobbyist surrogate supporter critic partner incumbent campaign white presidential then- u.s.
  t    miss adm. senate first agent
`);

/** Entities: words of a role written before a person's name, split off it (lower case). */
export const ROLE_PREFIXES = subset(ROLES, 'p');
/** Quotes: words of a speaker's description ("the senator"), lower case. */
export const SPEAKER_ROLES = subset(ROLES, 's');
/** Quotes: titles before a name that are not part of it ("President", "Sen."), lower case. */
export const NAME_TITLES = subset(ROLES, 't');
/** Entities: offices and honorifics proper, lower case. */
export const CORE_ROLES = subset(ROLES, 'c');
