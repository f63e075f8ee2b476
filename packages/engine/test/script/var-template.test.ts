import { expect, it } from 'vitest';
import { renderVarTemplate } from '../../src/script';
import { scopeOf } from './helpers';

it('replaces __name__ with Python str() of the scope value and leaves unknown names', () => {
  const scope = scopeOf({ name: 'Ada', count: 3, flag: true, none: null, items: [1, 'a'] });
  expect(renderVarTemplate('Hello __name__!', scope)).toBe('Hello Ada!');
  expect(renderVarTemplate('SELECT * FROM t WHERE c = __count__ AND f = __flag__', scope)).toBe(
    'SELECT * FROM t WHERE c = 3 AND f = True',
  );
  expect(renderVarTemplate('__none__ __items__', scope)).toBe("None [1, 'a']");
  expect(renderVarTemplate('keep __unknown__ and __init', scope)).toBe('keep __unknown__ and __init');
  expect(renderVarTemplate('no templates', scope)).toBe('no templates');
});
