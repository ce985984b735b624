import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsString, Length, Max, MaxLength, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import 'reflect-metadata';
import { agreeCounts, flattenValidationErrors } from './validation';

class Inner {
  @MinLength(1)
  code = '';
}

/** One of each counting rule at a count of one, and the same rules at counts that keep the plural. */
class Counted {
  @ArrayMinSize(1)
  one: string[] = [];

  @ArrayMaxSize(1)
  atMostOne = ['a', 'b'];

  @MinLength(1)
  name = '';

  @MaxLength(1)
  initial = 'ab';

  @Length(1, 1)
  letter = 'abc';

  @MaxLength(1, { each: true })
  initials = ['ab'];

  @ArrayMinSize(11)
  eleven = ['a'];

  @ArrayMinSize(2)
  two = ['a'];

  @MaxLength(21)
  long = 'x'.repeat(22);

  @ValidateNested()
  @Type(() => Inner)
  inner = new Inner();
}

/** A required text left out, a number sent as text, and one out of range. */
class Typed {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  statement?: string;

  @IsInt()
  @Min(0)
  @Max(1000)
  count: unknown = 'abc';

  @IsInt()
  @Min(0)
  @Max(1000)
  other: unknown = 5000;
}

describe('validation messages', () => {
  it('say "is required" for a missing value, and only the type rule for a value of another type', () => {
    const messages = flattenValidationErrors(validateSync(new Typed())).map((e) => [e.field, e.message]);
    expect(messages).toEqual([
      ['statement', 'is required'],
      ['count', 'must be an integer number'],
      ['other', 'must not be greater than 1000'],
    ]);
  });

  it('say that a property the input does not have is unknown, in words a client can act on', () => {
    const errors = validateSync(Object.assign(new Typed(), { statement: 'x', count: 1, other: 1, format: 'xml' }), { whitelist: true, forbidNonWhitelisted: true });
    expect(flattenValidationErrors(errors)).toEqual([{ field: 'format', message: 'is not a field or parameter this accepts' }]);
  });

  it("say one element, one character, and keep the plural for other counts, whichever class-validator rule words them", () => {
    const messages = Object.fromEntries(flattenValidationErrors(validateSync(new Counted())).map((e) => [e.field, e.message]));
    expect(messages).toEqual({
      one: 'must contain at least 1 element',
      atMostOne: 'must contain no more than 1 element',
      name: 'must be longer than or equal to 1 character',
      initial: 'must be shorter than or equal to 1 character',
      letter: 'must be shorter than or equal to 1 character',
      initials: 'each value in initials must be shorter than or equal to 1 character',
      eleven: 'must contain at least 11 elements',
      two: 'must contain at least 2 elements',
      long: 'must be shorter than or equal to 21 characters',
      'inner.code': 'must be longer than or equal to 1 character',
    });
  });

  it.each([
    ['must contain at least 1 elements', 'must contain at least 1 element'],
    ['must have 1 decimal places', 'must have 1 decimal place'],
    ['must contain at least 11 elements', 'must contain at least 11 elements'],
    ['must contain at least 2,001 elements', 'must contain at least 2,001 elements'],
    ['must be 0.1 characters', 'must be 0.1 characters'],
    ['must contain at least 1 elementsX', 'must contain at least 1 elementsX'],
  ])('words %j as %j', (message, expected) => expect(agreeCounts(message)).toBe(expected));
});
