/** Activity identifiers the WebAPI would not accept, each named for a test title. */
export const BAD_IDENTIFIERS: [string, unknown][] = [
  ['empty', ''],
  ['whitespace', '   '],
  ['an unknown key', 'contact_id=5'],
  ['a non-integer id', 'appointment_id=1.5'],
  ['a negative id', 'sale_id=-3'],
  ['a zero id', 'document_id=0'],
  ['10,000 characters long', `appointment_id=${'9'.repeat(9_985)}`],
  ['a number', 42],
  ['null', null],
  ['undefined', undefined],
  ['an object', { appointment_id: 1 }],
];
