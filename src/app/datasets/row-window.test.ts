import { describe, expect, it } from 'vitest';
import { rowWindow } from './useRowWindow';

describe('rowWindow', () => {
  it('reads whole pages around the rows in view, with a page of margin each side', () => {
    expect(rowWindow(250, 270, 100_000, 100)).toEqual({ offset: 100, limit: 300 });
    expect(rowWindow(0, 20, 100_000, 100)).toEqual({ offset: 0, limit: 200 });
  });

  it('stays within the dataset at its end and when it is empty', () => {
    expect(rowWindow(99_990, 100_000, 100_000, 100)).toEqual({ offset: 99_800, limit: 200 });
    expect(rowWindow(0, 0, 0, 100)).toEqual({ offset: 0, limit: 0 });
    expect(rowWindow(0, 12, 12, 100)).toEqual({ offset: 0, limit: 12 });
  });
});
