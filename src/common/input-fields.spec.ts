import { Field, InputType } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { OptionalText, RangeFrom, RangeTo, RequiredText, Versioned } from './input-fields';
import { flattenValidationErrors } from './validation';
import { Trim } from './validators';

@InputType({ isAbstract: true })
class NoteFields {
  @OptionalText(10)
  note?: string | null;

  /** The same rule written out as a stack, to compare the helper's messages with. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  written?: string | null;
}

@InputType()
class EditNoteInput extends Versioned(NoteFields) {
  @RequiredText(5)
  title: string;

  @RangeFrom()
  from?: Date;

  @RangeTo()
  to?: Date;
}

const errorsOf = (value: Record<string, unknown>) => flattenValidationErrors(validateSync(plainToInstance(EditNoteInput, value)));
const messagesOf = (value: Record<string, unknown>, field: string) => errorsOf(value).filter((e) => e.field === field).map((e) => e.message);
const ID = '5f0c7a52-9a57-4d6b-9f57-2b8b3f1f3c11';

describe('input-fields', () => {
  it('gives a helper-declared field the messages, in the order, of the same stack written out', () => {
    for (const bad of [42, '   ', 'x'.repeat(11), ['a']]) {
      expect(messagesOf({ id: ID, title: 'ok', note: bad }, 'note')).toEqual(messagesOf({ id: ID, title: 'ok', written: bad }, 'written'));
      expect(messagesOf({ id: ID, title: 'ok', note: bad }, 'note').length).toBeGreaterThan(0);
    }
  });

  it('trims text before checking it, and lets an optional text be left out or null', () => {
    const input = plainToInstance(EditNoteInput, { id: ID, title: '  abc  ', note: null });
    expect(validateSync(input)).toEqual([]);
    expect(input.title).toBe('abc');
    expect(errorsOf({ id: ID, title: '      ' }).map((e) => e.field)).toEqual(['title']);
  });

  it('adds the id and version of Versioned after the base fields, each checked and named', () => {
    expect(errorsOf({ title: 'ok', id: 'not-a-uuid', version: 0 })).toEqual([
      { field: 'id', message: 'must be a UUID' },
      { field: 'version', message: 'must not be less than 1' },
    ]);
    expect(errorsOf({ title: 'ok' }).map((e) => e.field)).toEqual(['id']);
    expect(errorsOf({ title: 'ok', id: ID, version: 3 })).toEqual([]);
  });

  it('refuses a range whose end is before its start, naming `to`', () => {
    expect(errorsOf({ id: ID, title: 'ok', from: new Date('2019-02-02'), to: new Date('2019-02-01') })).toEqual([{ field: 'to', message: 'must not be before from' }]);
    expect(errorsOf({ id: ID, title: 'ok', from: new Date('2019-02-01'), to: new Date('2019-02-01') })).toEqual([]);
    expect(errorsOf({ id: ID, title: 'ok', to: new Date('2019-02-01') })).toEqual([]);
  });
});
