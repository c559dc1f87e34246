const ASCII = /^[\x00-\x7f]*$/;

/** "Ana Kovačević" → "ana-kovacevic": lower-case ASCII, diacritics folded; ids stay stable across builds. */
export function slug(name: string): string {
  // Plain ASCII (most names) has nothing to decompose or fold.
  const folded = ASCII.test(name)
    ? name
    : name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/ß/g, 'ss')
        .replace(/[Øø]/g, 'o')
        .replace(/[Łł]/g, 'l')
        .replace(/[Ææ]/g, 'ae');
  return folded
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
