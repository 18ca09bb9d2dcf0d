import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS,
  APPROXIMATIONS,
  describeChoices,
  enumValues,
  HONOR_LEVELS,
  HONOR_SCOPES,
  LETTER_KINDS,
  OFFICER_ROLES,
  UNIT_KINDS,
  VISIBILITIES,
} from '../../src/lib/labels';

describe('enumValues', () => {
  it('lists the values of a label table in the order they are written', () => {
    expect(enumValues(OFFICER_ROLES)).toEqual(['police', 'auxiliary', 'other']);
    expect(enumValues(UNIT_KINDS)).toEqual([
      'detachment',
      'brigade',
      'squad',
      'police-station',
      'station',
      'police-office',
      'fire-station',
      'department',
      'ward',
      'party-branch',
      'other',
    ]);
  });

  it('gives the values of the content model', () => {
    expect(enumValues(HONOR_SCOPES)).toEqual(['individual', 'collective']);
    expect(enumValues(HONOR_LEVELS)).toEqual(['national', 'provincial', 'municipal', 'district', 'bureau', 'other']);
    expect(enumValues(LETTER_KINDS)).toEqual(['letter', 'banner', 'call', 'message', 'other']);
    expect(enumValues(ACTIVITY_KINDS)).toEqual(['study', 'party-day', 'security', 'volunteer', 'competition', 'other']);
    expect(enumValues(VISIBILITIES)).toEqual(['public', 'internal']);
    expect(enumValues(APPROXIMATIONS)).toEqual(['over', 'about']);
  });
});

describe('describeChoices', () => {
  it('shows each value with its Chinese meaning, separated by 、', () => {
    expect(describeChoices(OFFICER_ROLES)).toBe('police（民警）、auxiliary（辅警）、other（队员）');
  });

  it('does not repeat a value that is its own label', () => {
    expect(describeChoices({ a: 'a', b: '乙' })).toBe('a、b（乙）');
  });
});
