/**
 * Who the fragmentation figures are about: the most-mentioned people of the political-news test
 * corpus, by surname, and a hand-checked list of other, distinct people who share a surname with
 * one of them (relatives, namesakes), written from general knowledge. A mention of one of those
 * landing on the target's entity is a wrong merge, which the share of mentions alone would reward.
 */

export const TARGET_SURNAMES = [
  'Trump',
  'Clinton',
  'Sanders',
  'Obama',
  'Cruz',
  'Rubio',
  'Kasich',
  'Bush',
  'Ryan',
  'Christie',
  'Pence',
  'Comey',
  'Putin',
  'Fiorina',
  'Biden',
  'Reid',
  'Bloomberg',
  'Khan',
  'Grayson',
  'Weiner',
  'Manafort',
  'Podesta',
  'Carson',
  'Romney',
] as const;

/** Distinct people by surname: first names (or first words) that name someone else. */
export const DISTINCT_PEOPLE: Record<string, string[]> = {
  Trump: ['Melania', 'Ivanka', 'Eric', 'Tiffany', 'Barron', 'Fred', 'Ivana', 'Lara', 'Maryanne'],
  Clinton: ['Bill', 'William', 'Chelsea'],
  Sanders: ['Jane', 'Sarah', 'Symone', 'Bernard'],
  Obama: ['Michelle', 'Malia', 'Sasha'],
  Cruz: ['Heidi', 'Rafael'],
  Rubio: ['Jeanette'],
  Kasich: ['Karen'],
  Bush: ['George', 'Laura', 'Barbara', 'Billy', 'Jenna', 'Neil', 'Marvin', 'Columba', 'Prescott'],
  Ryan: ['Janna', 'Tim', 'April'],
  Christie: ['Mary', 'Agatha'],
  Pence: ['Karen'],
  Comey: ['Patrice'],
  Putin: ['Lyudmila'],
  Fiorina: ['Frank'],
  Biden: ['Jill', 'Beau', 'Hunter'],
  Reid: ['Joy', 'Landra'],
  Bloomberg: [],
  Khan: ['Ghazala', 'Humayun', 'Sadiq', 'Imran', 'Shahid'],
  Grayson: ['Lolita'],
  Weiner: ['Jordan'],
  Manafort: ['Kathleen'],
  Podesta: ['Tony', 'Heather'],
  Carson: ['Candy', 'Andre', 'Ben Jr'],
  Romney: ['Ann', 'Tagg', 'George', 'Lenore', 'Ronna'],
};
/** Suffixes that make a relative of the same first name another person ("Jr."). */
export const GENERATION_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
