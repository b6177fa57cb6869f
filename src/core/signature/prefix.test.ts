import { describe, expect, it } from 'vitest';
import { fieldPrefix, inferPrefix } from './prefix';

describe('inferPrefix (DSPy infer_prefix; expectations from running DSPy)', () => {
  it.each([
    ['question', 'Question'],
    ['next_tool_name', 'Next Tool Name'],
    ['camelCaseText', 'Camel Case Text'],
    ['snake_case_text', 'Snake Case Text'],
    ['text2number', 'Text 2 Number'],
    ['HTMLParser', 'HTML Parser'],
    ['2text', '2 Text'],
    ['APIKey', 'API Key'],
    ['getHTTPResponseCode', 'Get HTTP Response Code'],
    ['a__b', 'A  B'],
    ['_private', ' Private'],
    ['X', 'X'],
    ['already_Title', 'Already  Title'],
    ['ABC_def', 'ABC Def'],
    ['version2_0', 'Version 2 0'],
    ['userID', 'User ID'],
    ['ß_straße', 'Ss Straße'],
    ['réponse_finale', 'Réponse Finale'],
    ['MyAPI2Go', 'My API 2 Go'],
    ['reasoning_attempt_1', 'Reasoning Attempt 1'],
  ])('%s -> %s', (name, prefix) => {
    expect(inferPrefix(name)).toBe(prefix);
  });

  it('adds the colon DSPy saves', () => {
    expect(fieldPrefix('next_tool_name')).toBe('Next Tool Name:');
  });
});
