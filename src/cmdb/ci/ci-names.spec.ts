import { aliasProblem, nameProblem } from './ci-names';

describe('nameProblem', () => {
  it.each(['hostname', 'private_ip', 'cpu.count', 'IDC', '主机名', 'x1'])('accepts %j', (name) =>
    expect(nameProblem(name, 'attribute')).toBeUndefined(),
  );

  it.each([
    ['', /1-64/],
    ['a'.repeat(65), /1-64/],
    ['host name', /whitespace/],
    ['a,b', /,/],
    ['a:b', /:/],
    ['(x)', /\(/],
    ['-x', /start/],
    ['~x', /start/],
    ['_x', /start/],
    ['42', /number/],
    ['ci_type', /reserved/],
    ['_ID', /start/],
    ['Unique', /reserved/],
  ])('refuses %j', (name, why) => expect(nameProblem(name, 'attribute')).toMatch(why));

  it('lets a type be called like an attribute keyword', () => {
    expect(nameProblem('unique', 'type')).toBeUndefined();
  });
});

describe('aliasProblem', () => {
  it('accepts free text and refuses blanks and numbers', () => {
    expect(aliasProblem('Host name (主机名)')).toBeUndefined();
    expect(aliasProblem(' ')).toMatch(/1-64/);
    expect(aliasProblem('7')).toMatch(/number/);
  });
});
