import { describeRenderProblem, renderProblem } from './render-error';

describe('renderProblem', () => {
  it('reads the position nunjucks prints and drops its wrapping', () => {
    const p = renderProblem('(unknown path) [Line 2, Column 9]\n  unexpected token: }}');
    expect(p).toEqual({ line: 2, column: 9, reason: 'unexpected token: }}' });
    expect(describeRenderProblem(p)).toBe('line 2, column 9: unexpected token: }}');
  });

  it('prefers the positions the error carries and unwraps nested render errors', () => {
    const p = renderProblem(
      '(unknown path) [Line 1, Column 4]\n  Template render error: (unknown path)\n  Error: template not found: x',
      3,
      5,
    );
    expect(p).toEqual({ line: 3, column: 5, reason: 'template not found: x' });
  });

  it('places an error at the end of the template on its last line', () => {
    const p = renderProblem(
      '(unknown path)\n  parseIf: expected elif, else, or endif, got end of file',
      undefined,
      undefined,
      4,
    );
    expect(describeRenderProblem(p)).toBe('line 4: parseIf: expected elif, else, or endif, got end of file');
  });

  it('says what it can without a position', () => {
    expect(describeRenderProblem(renderProblem('the rendered script is too long'))).toBe(
      'the rendered script is too long',
    );
    expect(renderProblem('(unknown path)\n  ', 0, 0)).toEqual({
      line: null,
      column: null,
      reason: 'the script cannot be rendered',
    });
  });
});
