import { chooseVariable } from './variable-choice';

describe('chooseVariable', () => {
  it('files the issue\'s three fighters figures under three variables, never a bare "fighters"', () => {
    expect(chooseVariable('fighters', null, 'The commander said ', ' fighters were refusing to surrender in the old quarter')).toBe('fighters_refusing_surrender');
    expect(chooseVariable('fighters', null, '', ' fighters were released on Sunday')).toBe('people_released');
    expect(chooseVariable('fighters', null, 'at least ', ' fighters fled across the river')).toBe('fighters_fled');
  });

  it('reads the verb before the figure when none follows, and tells civilians from combatants', () => {
    expect(chooseVariable('civilians', null, 'An air strike on the market killed ', ' civilians')).toBe('deaths_civilians');
    expect(chooseVariable('soldiers', null, 'The ambush killed ', ' soldiers')).toBe('deaths_combatants');
    expect(chooseVariable('families', null, 'At least ', ' families fled Qasr Hamid')).toBe('people_displaced');
    expect(chooseVariable(null, 'USD', 'a ransom of ', ' was paid')).toBe('cash_usd');
  });

  it('takes the first verb of the figure\'s own clause, and nothing when no verb says what was counted', () => {
    expect(chooseVariable('men', null, '', ' men were detained and later released')).toBe('people_detained');
    expect(chooseVariable('trucks', null, '', ' trucks crossed, and 5 people were killed')).toBeNull();
  });
});
