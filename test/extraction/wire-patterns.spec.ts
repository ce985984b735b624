import { DEMO_ARTICLE_TEXT } from '../../src/demo/demo-story';
import { extractAttributions, type Suggestion } from '../../src/extraction';

/*
 * Issue 19: wire-copy patterns the extractor used to miss or misparse. Sentences are invented for
 * these tests and appear in no gold split.
 */
const publishedAt = new Date('2024-03-04T12:00:00Z'); // a Monday
const read = (text: string): Suggestion[] => extractAttributions(text, { publishedAt });
const summary = (s: Suggestion) => ({ source: s.source.name, cue: s.cue.text, content: s.content.text, stance: s.stance });

describe('wire patterns (issue 19)', () => {
  it('reads a trailing cue followed by another clause', () => {
    const [found, ...rest] = read('Airstrikes killed at least six people in the port city, a civil defence official said on Sunday, as the offensive widened to the north.');
    expect(rest).toEqual([]);
    expect(summary(found)).toEqual({ source: 'civil defence official', cue: 'said', content: 'Airstrikes killed at least six people in the port city', stance: 'ASSERTS' });
    expect(found.saidAt?.start).toBe('2024-03-03T00:00:00.000Z');
    expect(found.eventTime).toBeNull();
  });

  it('reads "..., a local medic told AFP." with the agency as a relay', () => {
    const [found] = read('A shell landed on a queue outside the bakery, a local medic told AFP.');
    expect(summary(found)).toMatchObject({ source: 'local medic', cue: 'told', content: 'A shell landed on a queue outside the bakery' });
    expect(found.chain.map((hop) => hop.name)).toEqual(['Agence France-Presse']);
    // The hop's cue is how AFP passed it on, as the attribution line reads it: "Agence France-Presse, quoting local medic".
    expect(found.chain.map((hop) => hop.cue)).toEqual(['quoting']);
    expect(found.source.anonymous).toBe(true);
  });

  it('gives coordinated speakers one attribution each', () => {
    expect(read('According to nurses and volunteers, the shelter ran out of water.').map((s) => s.source.name)).toEqual(['nurses', 'volunteers']);
    expect(read('Firefighters and a shopkeeper told Reuters that the blaze started after midnight.').map((s) => s.source.name)).toEqual(['Firefighters', 'shopkeeper']);
    expect(read('The fire spread to three houses, a farmer and a teacher told AFP.').map((s) => s.source.name)).toEqual(['farmer', 'teacher']);
  });

  it('resolves descriptive anaphora and points at the mention it resolves to', () => {
    const [first, second] = read('The Syrian Observatory for Human Rights said nine soldiers died. The monitoring group also said a tenth was missing.');
    expect(second.source.name).toBe('Syrian Observatory for Human Rights');
    expect(second.speaker.text).toBe('The monitoring group');
    expect(second.antecedent).toMatchObject({ suggestionId: first.id, sentenceIndex: 0, text: 'The Syrian Observatory for Human Rights' });
  });

  it('keeps a second attribution in the sentence, denials with stance DENIES', () => {
    expect(read('A blast hit the depot, witnesses said, though the militia denied any role.').map(summary)).toEqual([
      { source: 'witnesses', cue: 'said', content: 'A blast hit the depot', stance: 'ASSERTS' },
      { source: 'militia', cue: 'denied', content: 'any role', stance: 'DENIES' },
    ]);
    expect(read('The army said on Sunday it had taken the hill, a claim the insurgents rejected.').map(summary)).toEqual([
      { source: 'army', cue: 'said', content: 'it had taken the hill', stance: 'ASSERTS' },
      { source: 'insurgents', cue: 'rejected', content: 'it had taken the hill', stance: 'DENIES' },
    ]);
    expect(read('Two men were shot at the gate, villagers said, and the police said an inquiry had begun.').map((s) => s.source.name)).toEqual(['villagers', 'police']);
    expect(read('The ministry said the rebels fired first, but the rebels rejected the accusation.').map(summary)).toContainEqual({ source: 'rebels', cue: 'rejected', content: 'the accusation', stance: 'DENIES' });
  });

  it('does not make the claim the source or the condition the content', () => {
    const [found, ...rest] = read('The convoy was turned back at the bridge, a senior police official said on condition of anonymity.');
    expect(rest).toEqual([]);
    expect(summary(found)).toMatchObject({ source: 'senior police official', content: 'The convoy was turned back at the bridge' });
    expect(found.conditions.anonymityGranted).toBe(true);
  });

  it('applies a grant in a sentence of its own to every recent claim of those speakers', () => {
    const found = read('Two aid officials said the road was closed. They said fuel had run out. The officials spoke on condition of anonymity because they feared reprisals.');
    expect(found).toHaveLength(2);
    for (const suggestion of found) {
      expect(suggestion.conditions.anonymityGranted).toBe(true);
      expect(suggestion.conditions.anonymityReason).toBe('feared reprisals');
    }
  });

  it('recognises other anonymity grants with their reasons', () => {
    const [declined] = read('A nurse, who declined to be identified citing hospital rules, said the ward was full.');
    expect(declined.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'citing hospital rules' });
    const [requested] = read('A driver, who requested anonymity for safety reasons, said the checkpoint was new.');
    expect(requested.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'for safety reasons' });
    const [withheld] = read('A soldier whose name was withheld under army rules told the BBC his unit was exhausted.');
    expect(withheld.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'under army rules' });
  });

  it('attaches a "could not verify" sentence to the claims of the sentence before', () => {
    const [found] = read('The rebels said they had shot down a jet. Reuters could not verify the report.');
    expect(found.conditions.other).toEqual(['Reuters could not verify the report.']);
    const [other] = read('Officials said 12 people were hurt. The figures could not be independently verified.');
    expect(other.conditions.other).toHaveLength(1);
  });

  it('keeps datelines and leading adverbials out of the speaker', () => {
    const [dated] = read('KHARTOUM (Reuters) - The army said it had cleared the bridge.');
    expect(dated.source.name).toBe('army');
    expect(dated.speaker.text).toBe('The army');
    const [afp] = read('Kyiv (AFP) - The air force said it had downed 30 drones.');
    expect(afp.speaker.text).toBe('The air force');
    const [adverbial] = read('Earlier on Saturday, the rebels said they had taken the airport.');
    expect(adverbial.source.name).toBe('rebels');
    expect(adverbial.saidAt?.start).toBe('2024-03-02T00:00:00.000Z');
  });

  it('takes the person in "The Observatory\'s director, Rami Abdel Rahman, said", affiliated with the Observatory', () => {
    const [found] = read("The Observatory's director, Rami Abdel Rahman, said the toll had reached 40.");
    expect(found.source).toMatchObject({ name: 'Rami Abdel Rahman', kind: 'INDIVIDUAL', affiliation: 'Observatory' });
  });

  it('names the group of "a statement posted by the group on Telegram", with the channel as medium', () => {
    const [found] = read('Hezbollah said in a statement posted by the group on Telegram that it had hit a tank.');
    expect(summary(found)).toMatchObject({ source: 'Hezbollah', cue: 'said', content: 'it had hit a tank' });
    expect(found.chain).toEqual([]);
    expect(found.medium).toBe('statement on Telegram');
  });

  it('gives stable ids and sentence indexes', () => {
    const text = 'Intro line without a cue. The army said the road was open.';
    const [first] = read(text);
    expect(first.sentenceIndex).toBe(1);
    expect(read(text)[0].id).toBe(first.id);
  });

  it('marks an unnamed relay hop anonymous', () => {
    const [found] = read('A security source, quoting a second official, said the talks had failed.');
    expect(found.chain[0]).toMatchObject({ anonymous: true, kind: 'ANONYMOUS' });
  });

  it('says nothing for captions, walls and bylines', () => {
    expect(read('Smoke rises over the camp after a strike. (AP Photo/Staff)\nSubscribe to read the full story.\nReporting by Jane Doe; Editing by John Roe')).toEqual([]);
  });
});

describe('event places (issue 19)', () => {
  const place = (text: string) => read(text)[0]?.place?.name ?? null;

  it('finds places the old gazetteer missed, with GeoNames data', () => {
    const [found] = read('Explosions were heard in Tehran overnight, state media said.');
    expect(found.place).toMatchObject({ name: 'Tehran', countryCode: 'IR' });
    expect(found.place?.latitude).toBeCloseTo(35.69, 1);
    expect(place('Gunmen killed four soldiers in Cameroon, a source told AFP.')).toBe('Cameroon');
  });

  it('reads "the town of X", "the eastern Ukrainian town of X", near and over', () => {
    expect(place('Shells hit the town of Vovchansk, officials said.')).toBe('Vovchansk');
    expect(place('Russia shelled the eastern Ukrainian town of Siversk, officials said.')).toBe('Siversk');
    expect(place('A drone fell near Tartus, the army said.')).toBe('Tartus');
    expect(place('Two missiles were downed over Lviv, the governor said.')).toBe('Lviv');
  });

  it('does not take possessives, demonyms, destinations or capitals used as actors', () => {
    expect(place("Sudan's paramilitary force said it would fight on.")).toBeNull();
    expect(place('The army said it opened a corridor to Idlib for the wounded.')).toBeNull();
    expect(place('The aide said Moscow remained open to talks.')).toBeNull();
    expect(place('Officials said the attackers came from Niger.')).toBeNull();
    expect(place("Ministers in Netanyahu's cabinet said the vote was delayed.")).toBeNull();
  });

  it('takes the town, not the country or region that says where it is', () => {
    expect(place("Shelling killed two men in Syria's Deir ez-Zor, activists said.")).toBe('Deir ez-Zor');
    expect(place('Troops raided the West Bank city of Nablus, the army said.')).toBe('Nablus');
    expect(place('A strike hit the Gaza Strip town of Beit Lahia, medics said.')).toBe('Beit Lahia');
    expect(place('A bomb killed four people in the Anbar province town of Hit, police said.')).toBe('Hit');
    expect(place('Gunmen attacked a convoy in Borno State, the army said.')).toBe('Borno');
    expect(place("Militants struck a base in Mali's north, the army said.")).toBe('Mali');
  });

  it('takes a place that is the object of an event verb, before the speaker\'s own place', () => {
    expect(place('Officials in Kyiv said Russian artillery shelled Kherson overnight.')).toBe('Kherson');
    expect(place('The army said it had recaptured Um Rawaba, a town in North Kordofan.')).toBe('Um Rawaba');
    expect(place('Rockets struck Kiryat Shmona, the army said.')).toBe('Kiryat Shmona');
  });

  it('reads "the capital, Kyiv", particles inside names, coasts, and names that end like demonyms', () => {
    expect(place('Missiles hit the capital, Kyiv, and the port of Izmail, the air force said.')).toBe('Kyiv');
    expect(place('Floods swept through Dar es Salaam, police said.')).toBe('Dar es Salaam');
    expect(place('A boat sank off the coast of Tunisia, the coastguard said.')).toBe('Tunisia');
    expect(place("A bomb killed two guards in Afghanistan's Ghazni province, police said.")).toBe('Ghazni');
    expect(place("Strikes hit Beirut's southern suburbs, witnesses said.")).toBe('Beirut');
  });

  it('knows first-level admin areas, with their country', () => {
    const [found] = read('Fighting spread across Oromia, residents said.');
    expect(found.place).toMatchObject({ name: 'Oromia', countryCode: 'ET' });
    expect(place('Militias clashed in Tigray, aid workers said.')).toBe('Tigray');
  });

  it("keeps the demo story's dateline out of its first suggested statement", () => {
    const [first] = extractAttributions(DEMO_ARTICLE_TEXT, { publishedAt: new Date('2019-02-18T14:30:00Z') });
    expect(first.content.text).toMatch(/^More than 300 militants trapped/);
    expect(DEMO_ARTICLE_TEXT.slice(first.content.start, first.content.end)).toBe(first.content.text);
  });

  it('keeps a dateline out of the claim and of the place', () => {
    const [found] = read('KHARTOUM (Reuters) - Drones struck a fuel depot in Port Sudan, the army said.');
    expect(found.content.text).toBe('Drones struck a fuel depot in Port Sudan');
    expect(found.place?.name).toBe('Port Sudan');
  });

  it('keeps a dated dateline ("KYIV, Nov 28 (Reuters) -", "MOSUL, March 3 -") out of the claim and the speaker', () => {
    const [agency] = read('RIDGEPORT, Nov 28 (Harbor Times) - At least 42 people were killed when shells struck the market, the health directorate said.');
    expect(agency.content.text).toBe('At least 42 people were killed when shells struck the market');
    const [plain] = read('MOSUL, March 3 - The governor said the bridge would reopen within a week.');
    expect(plain.source.name).toBe('governor');
    expect(plain.content.text).toBe('the bridge would reopen within a week');
  });

  it('reads ", according to a statement carried by <outlet>" after the claim as a relay, and a channel as the medium', () => {
    const [relayed] = read('The Coastal Front denied firing on the town, according to a statement carried by Sunrise TV.');
    expect(summary(relayed)).toEqual({ source: 'Coastal Front', cue: 'denied', content: 'firing on the town', stance: 'DENIES' });
    expect(relayed.chain.map((hop) => [hop.name, hop.cue])).toEqual([['Sunrise TV', 'carrying a statement by']]);
    const airedText = 'The ministry said the crossing would reopen in a statement aired on state television.';
    const [aired] = read(airedText);
    expect(aired.content.text).toBe('the crossing would reopen');
    expect(aired.chain.map((hop) => airedText.slice(hop.span.start, hop.span.end))).toEqual(['state television']);
    const [posted] = read('The group said it shot down the drone, according to a statement posted on Telegram.');
    expect(posted.content.text).toBe('it shot down the drone');
    expect(posted.chain).toEqual([]);
    expect(posted.medium).toBe('Telegram');
  });
});

describe('anonymity grants after the cue (issue 19)', () => {
  it('keeps "said on condition of anonymity because ..." out of the content, with the grant and its reason', () => {
    const [found] = read('A senior diplomat said on condition of anonymity because she was not cleared to brief reporters that the envoy would travel on Friday.');
    expect(found.source.descriptor).toBe('A senior diplomat');
    expect(found.content.text).toBe('the envoy would travel on Friday');
    expect(found.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'not cleared to brief reporters' });
  });

  it('keeps the condition out of the speaker after a trailing cue', () => {
    const [found] = read('The ceasefire talks had stalled, a senior security official said on condition of anonymity because he was not authorised to brief reporters.');
    expect(found.source.descriptor).toBe('a senior security official');
    expect(found.speaker.text).toBe('a senior security official');
    expect(found.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'not authorised to brief reporters' });
  });

  it('grants anonymity without a reason, and reads ", citing ..." after the grant as its reason, not a relay', () => {
    const [plain] = read('A diplomat said on condition of anonymity that the envoy would leave.');
    expect(plain.content.text).toBe('the envoy would leave');
    expect(plain.conditions.anonymityGranted).toBe(true);
    expect(plain.conditions.anonymityReason).toBeUndefined();
    const [citing] = read('The convoy was hit near the border, an official said on condition of anonymity, citing security concerns.');
    expect(citing.content.text).toBe('The convoy was hit near the border');
    expect(citing.source.descriptor).toBe('an official');
    expect(citing.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'citing security concerns' });
  });

  it('keeps a "who spoke on condition of anonymity" clause out of the descriptor the desk names the source by', () => {
    const [found] = read('A senior security official, who spoke on condition of anonymity because he was not authorised to brief the media, said the toll could rise.');
    expect(found.source.descriptor).toBe('A senior security official');
    expect(found.conditions).toMatchObject({ anonymityGranted: true, anonymityReason: 'not authorised to brief the media' });
    const [asked] = read('A diplomat, who asked not to be named, said talks had stalled.');
    expect(asked.source.descriptor).toBe('A diplomat');
    expect(asked.conditions.anonymityGranted).toBe(true);
  });

  it('keeps an appositive grant out of the speaker', () => {
    const [found] = read('Two officials, speaking on condition of anonymity because the matter was sensitive, said the convoy was hit.');
    expect(found.source.descriptor).toBe('Two officials');
    expect(found.conditions.anonymityReason).toBe('the matter was sensitive');
  });

  it('does not read "said the militants freed 12 fighters" as an inverted speaker', () => {
    const [found] = read('The monitor, a group that tracks the war from abroad, said the militants freed 12 fighters on Sunday.');
    expect(found.speaker.text).toBe('The monitor');
    expect(found.content.text).toBe('the militants freed 12 fighters on Sunday');
  });
  it('reads "said, in a statement carried by state television, that ..." with the broadcaster as a relay', () => {
    const [found] = read('The army said, in a statement carried by state television, that 40 fighters were killed near the river crossing.');
    expect(summary(found)).toMatchObject({ source: 'army', cue: 'said', content: '40 fighters were killed near the river crossing' });
    expect(found.chain.map((hop) => [hop.name, hop.cue])).toEqual([['state television', 'carrying a statement by']]);
  });

  it('runs a carrier over a whole name ("state news agency SANA"), and stops before content without "that"', () => {
    const [named] = read('The ministry said in a statement carried by state news agency SANA that the coastal road had reopened.');
    expect(named.content.text).toBe('the coastal road had reopened');
    expect(named.chain.map((hop) => hop.name)).toEqual(['Syrian Arab News Agency']);
    const [bare] = read('The ministry said in a statement carried by SANA the coastal road had reopened.');
    expect(bare.content.text).toBe('the coastal road had reopened');
    const [timed] = read('The movement said in a statement released on Monday that it had shelled the base.');
    expect(timed.content.text).toBe('it had shelled the base');
    expect(timed.chain).toEqual([]);
  });

  it('reads a trailing "said in a statement carried by X" and ", according to a statement carried by X" after a cue', () => {
    const [carried] = read('The militia withdrew from three villages overnight, the army said in a statement carried by Sunrise TV.');
    expect(summary(carried)).toMatchObject({ source: 'army', content: 'The militia withdrew from three villages overnight' });
    expect(carried.chain.map((hop) => hop.name)).toEqual(['Sunrise TV']);
    const [according] = read('Three soldiers were wounded at the checkpoint, the army said, according to a statement carried by state television.');
    expect(summary(according)).toMatchObject({ source: 'army', cue: 'said', content: 'Three soldiers were wounded at the checkpoint' });
    expect(according.chain.map((hop) => hop.name)).toEqual(['state television']);
  });

  it('takes the outlet as the source of "According to a statement carried by X, ..."', () => {
    const [found] = read('According to a statement carried by Sunrise TV, the militia withdrew from three villages overnight.');
    expect(summary(found)).toMatchObject({ source: 'Sunrise TV', cue: 'According to', content: 'the militia withdrew from three villages overnight' });
    const [trailing] = read('The militia withdrew from three villages overnight, according to a statement carried by Sunrise TV.');
    expect(trailing.source.name).toBe('Sunrise TV');
  });
});
