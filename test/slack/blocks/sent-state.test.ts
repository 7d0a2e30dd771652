import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/check.js';
import { sentState } from '../../../src/slack/input.js';
import { decodeSent, encodeSent, sentTraits } from '../../../src/slack/payload.js';

describe('sentState: what "I sent it" carries about a checked note', () => {
  it.each([
    [
      'context and a next step',
      'Hi Ana, we met at the Lisbon Rust meetup last week. Coffee when you are next in town?',
      { context: true, nextStep: true },
    ],
    [
      'neither',
      'Hi Bo, I would like to add you to my professional network.',
      { context: false, nextStep: false },
    ],
    [
      'a next step without context',
      'Hi Cy, I’d like to add you to my network. Could we have a quick call about hiring?',
      { context: false, nextStep: true },
    ],
  ])('%s', (_label, note, traits) => {
    const state = sentState('check', note, checkNote(note));
    const decoded = decodeSent(encodeSent(state));
    expect(decoded && sentTraits(decoded)).toEqual(traits);
    expect(encodeSent(state)).not.toMatch(/network|meetup|Lisbon/);
  });

  it.each(['', '   '])('an empty note (%j) has no traits', (note) => {
    const state = sentState('draft', note, checkNote(note));
    expect(state).not.toHaveProperty('t');
    expect(sentTraits(state)).toBeUndefined();
  });
});

describe('decodeSent', () => {
  it.each([
    ['a button from before traits', '{"s":"check","l":120,"n":"Sam"}', undefined],
    ['traits "10"', '{"s":"check","l":120,"t":"10"}', { context: true, nextStep: false }],
    ['traits "01"', '{"s":"draft","l":80,"t":"01"}', { context: false, nextStep: true }],
  ])('reads %s', (_label, value, traits) => {
    const state = decodeSent(value);
    expect(state).toBeDefined();
    expect(state && sentTraits(state)).toEqual(traits);
  });

  it.each([
    ['traits without a note', '{"s":"check","l":0,"t":"11"}'],
    ['three digits', '{"s":"check","l":90,"t":"110"}'],
    ['not 0 or 1', '{"s":"check","l":90,"t":"12"}'],
    ['words', '{"s":"check","l":90,"t":"yes"}'],
    ['a number', '{"s":"check","l":90,"t":11}'],
    ['booleans', '{"s":"check","l":90,"t":[true,true]}'],
    ['an empty string', '{"s":"check","l":90,"t":""}'],
  ])('refuses %s', (_label, value) => {
    expect(decodeSent(value)).toBeUndefined();
  });
});
