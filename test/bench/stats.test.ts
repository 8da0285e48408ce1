import { describeTarget, median, meets, ratio, type Target } from '../../src/bench/stats';

describe('bench stats', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[5, Number.NaN, 1, 3], 3],
  ])('median of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('median of nothing measured is NaN, so a missing number is never shown as 0', () => {
    expect(median([])).toBeNaN();
    expect(median([Number.NaN])).toBeNaN();
  });

  it('ratio divides ours by the reference', () => {
    expect(ratio(9000, 3600)).toBe(2.5);
  });

  it.each([
    [100, 0],
    [100, Number.NaN],
    [Number.NaN, 100],
    [100, -1],
  ])('ratio of %p to %p is NaN rather than Infinity or a negative', (ours, reference) => {
    expect(ratio(ours, reference)).toBeNaN();
  });

  const atLeast2: Target = { comparison: 'atLeast', limit: 2, unit: 'x' };
  const atMostHalf: Target = { comparison: 'atMost', limit: 0.5, unit: 'x' };
  const below400: Target = { comparison: 'below', limit: 400, unit: ' MB' };

  it.each([
    [2, atLeast2, true],
    [1.99, atLeast2, false],
    [0.5, atMostHalf, true],
    [0.51, atMostHalf, false],
    [399.9, below400, true],
    [400, below400, false],
    [Number.NaN, atLeast2, false],
    [Number.NaN, below400, false],
  ])('value %p against %p meets it: %p', (value, target, expected) => {
    expect(meets(value, target)).toBe(expected);
  });

  it.each([
    [atLeast2, '>= 2x'],
    [atMostHalf, '<= 0.5x'],
    [below400, '< 400 MB'],
  ])('target %p reads %p', (target, text) => {
    expect(describeTarget(target)).toBe(text);
  });
});
