/**
 * Golden test for how values are written into the ChatAdapter prompt (DSPy 3.3.1's
 * format_field_value): JSON for containers, Python str() for the rest.
 */
import { describe, expect, it } from 'vitest';
import { chatAdapter } from './chat';
import { parseSignature } from '../signature/parse';

const lines = (...parts: string[]) => parts.join('\n');

describe('ChatAdapter values, byte for byte as DSPy', () => {
  it('values as DSPy prints them: JSON for containers, Python str() for the rest', () => {
    const signature = parseSignature('a: Any, b, c: float, d: bool, e, f, g: Optional[int] -> y', 'x');
    const demo = { a: { k: [1, 2.5, true, null, 'é\n"q"'] }, b: 1.5e-7, c: 0.1, d: true, e: { x: 1 }, f: null, g: null, y: 'ok' };
    const inputs = { a: [1, { z: 'ü' }], b: 'plain', c: 3, d: false, e: 12345678.5, f: '', g: 7 };
    expect(chatAdapter.format(signature, [demo], inputs)).toEqual([
      {
        role: 'system',
        content: lines(
          'Your input fields are:',
          '1. `a` (Any): ',
          '2. `b` (str): ',
          '3. `c` (float): ',
          '4. `d` (bool): ',
          '5. `e` (str): ',
          '6. `f` (str): ',
          '7. `g` (Union[int, NoneType]):',
          'Your output fields are:',
          '1. `y` (str):',
          'All interactions will be structured in the following way, with the appropriate values filled in.',
          '',
          '[[ ## a ## ]]',
          '{a}',
          '',
          '[[ ## b ## ]]',
          '{b}',
          '',
          '[[ ## c ## ]]',
          '{c}',
          '',
          '[[ ## d ## ]]',
          '{d}',
          '',
          '[[ ## e ## ]]',
          '{e}',
          '',
          '[[ ## f ## ]]',
          '{f}',
          '',
          '[[ ## g ## ]]',
          '{g}',
          '',
          '[[ ## y ## ]]',
          '{y}',
          '',
          '[[ ## completed ## ]]',
          'In adhering to this structure, your objective is: ',
          '        x',
        ),
      },
      {
        role: 'user',
        content: lines(
          'This is an example of the task, though some input or output fields are not supplied.',
          '',
          '[[ ## a ## ]]',
          '{"k": [1, 2.5, true, null, "é\\n\\"q\\""]}',
          '',
          '[[ ## b ## ]]',
          '1.5e-07',
          '',
          '[[ ## c ## ]]',
          '0.1',
          '',
          '[[ ## d ## ]]',
          'True',
          '',
          '[[ ## e ## ]]',
          '{"x": 1}',
          '',
          '[[ ## f ## ]]',
          'None',
          '',
          '[[ ## g ## ]]',
          'None',
        ),
      },
      {
        role: 'assistant',
        content: lines(
          '[[ ## y ## ]]',
          'ok',
          '',
          '[[ ## completed ## ]]',
          '',
        ),
      },
      {
        role: 'user',
        content: lines(
          '[[ ## a ## ]]',
          '[1, {"z": "ü"}]',
          '',
          '[[ ## b ## ]]',
          'plain',
          '',
          '[[ ## c ## ]]',
          '3',
          '',
          '[[ ## d ## ]]',
          'False',
          '',
          '[[ ## e ## ]]',
          '12345678.5',
          '',
          '[[ ## f ## ]]',
          '',
          '',
          '[[ ## g ## ]]',
          '7',
          '',
          'Respond with the corresponding output fields, starting with the field `[[ ## y ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
        ),
      },
    ]);
  });
});
