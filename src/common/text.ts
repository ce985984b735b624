/** Case-, accent- and spacing-insensitive key: "Dayr al-Zawr" and "DAYR AL-ZAWR " match, as do "Hasaké" and "Hasake". */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
