import { ImportRejectedError } from './import-errors';
import { utf8Chunks, utf8Text } from './utf8';

async function lineRefused(chunks: Buffer[]): Promise<number | 'read'> {
  try {
    for await (const chunk of utf8Chunks((async function* () { yield* chunks; })())) void chunk;
    return 'read';
  } catch (error) {
    return (error as ImportRejectedError).errors[0].line;
  }
}

describe('UTF-8 import text', () => {
  const text = 'a,b\nl-1,Ḥomṣ\nl-2,Alépo\n';
  const utf8 = Buffer.from(text, 'utf8');
  const latin1 = Buffer.from('a,b\nl-1,Homs\nl-2,Alépo\n', 'latin1');

  it('reads UTF-8 whole or in chunks cut anywhere, inside a character too', async () => {
    expect(utf8Text(utf8)).toBe(text);
    for (let cut = 1; cut < utf8.length; cut++) expect([cut, await lineRefused([utf8.subarray(0, cut), utf8.subarray(cut)])]).toEqual([cut, 'read']);
  });

  it('names the first line that is not UTF-8, whole or in chunks cut anywhere', async () => {
    expect(() => utf8Text(latin1)).toThrow(ImportRejectedError);
    expect((() => { try { utf8Text(latin1); } catch (e) { return (e as ImportRejectedError).errors; } })()).toEqual([{ line: 3, field: '', message: expect.stringContaining('is not UTF-8 text') }]);
    for (let cut = 1; cut < latin1.length; cut++) expect([cut, await lineRefused([latin1.subarray(0, cut), latin1.subarray(cut)])]).toEqual([cut, 3]);
    // A valid character cut by the chunk before the bad line does not move the line named.
    const mixed = Buffer.concat([utf8.subarray(0, utf8.length - 1), Buffer.from('\nl-3,Al\xe9po\n', 'latin1')]);
    for (let cut = 1; cut < mixed.length; cut++) expect([cut, await lineRefused([mixed.subarray(0, cut), mixed.subarray(cut)])]).toEqual([cut, 4]);
    // A file that ends inside a character.
    expect(await lineRefused([Buffer.from([0x61, 0x0a, 0xc3])])).toBe(2);
  });
});
