import * as path from 'path';
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { initializeIcons } from '@fluentui/react';
import { LessonCard } from '../../../src/webparts/community/lessons/components/LessonsLearned';
import type { LessonLearned } from '../../../src/model/community';
import { loadAmdFile } from '../loc/amd';

initializeIcons(undefined, { disableWarnings: true });

const ROOT = path.resolve(__dirname, '../../..');
const strings = (locale: string): ICommunityWebPartStrings => loadAmdFile(path.join(ROOT, 'src/webparts/community/loc', `${locale}.js`)) as ICommunityWebPartStrings;
const common = (locale: string): IPmoHubCommonStrings => loadAmdFile(path.join(ROOT, 'src/common/loc', `${locale}.js`)) as IPmoHubCommonStrings;

const lesson: LessonLearned = {
  id: 7, title: 'Budget the test environment', whatHappened: 'Testing happened in production.', tags: [],
  project: { id: 1, title: 'Ny kundportal' }, reusedIn: [{ id: 2, title: 'Solceller <b>på</b> lagret' }, { id: 3, title: 'Klantreis in kaart' }]
};

describe('LessonCard', () => {
  it('names the projects that reused a lesson, as text, in the reader\'s language', () => {
    render(<LessonCard lesson={lesson} strings={strings('sv-se')} common={common('sv-se')} locale="sv-SE" />);
    const line = screen.getByText('Återanvänd i: Solceller <b>på</b> lagret, Klantreis in kaart');
    expect(line.querySelector('b')).toBeNull();
  });

  it('says nothing of reuse when none is recorded', () => {
    render(<LessonCard lesson={{ ...lesson, reusedIn: [] }} strings={strings('en-us')} common={common('en-us')} locale="en-US" />);
    expect(screen.queryByText(/^Reused in/)).toBeNull();
  });
});
