/**
 * A one-character regex class answered per UTF-16 unit from a table filled on first use: the cue matcher and the phrase
 * lists ask "is this a separator / a letter?" for every character of every post, and a regex test per character
 * showed in profiles. A surrogate unit is tested alone, so a class that must read whole code points (astral letters)
 * needs its caller to handle surrogates.
 */
export function unitClass(re: RegExp): (code: number) => boolean {
  // 1 in the class, 2 not, 0 not asked yet.
  const table = new Uint8Array(0x10000);
  return (code) => {
    let known = table[code];
    if (known === 0) {
      known = re.test(String.fromCharCode(code)) ? 1 : 2;
      table[code] = known;
    }
    return known === 1;
  };
}
