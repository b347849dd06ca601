// The local hub's dynamic data: a web part follows the filter instance its stored connection
// names; an unconnected one, or one connected to another instance, sees the whole portfolio.
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { FilterScope, PageFilterProvider, usePageFilter } from '../../../tools/hub/client/pageFilter';

function Source({ label }: { label: string }): JSX.Element {
  const { setFilter } = usePageFilter();
  return <button onClick={() => setFilter({ version: 1, text: label })}>{label}</button>;
}

function Consumer({ name }: { name: string }): JSX.Element {
  const { filter } = usePageFilter();
  return <output aria-label={name}>{filter.text ?? 'all'}</output>;
}

it('passes each filter web part\'s value to the web parts connected to it, and only to them', () => {
  render(
    <PageFilterProvider>
      <FilterScope publishAs="f1"><Source label="alpha" /></FilterScope>
      <FilterScope publishAs="f2"><Source label="beta" /></FilterScope>
      <FilterScope source="f1"><Consumer name="on f1" /></FilterScope>
      <FilterScope source="f2"><Consumer name="on f2" /></FilterScope>
      <FilterScope><Consumer name="unconnected" /></FilterScope>
    </PageFilterProvider>
  );
  const value = (name: string): string | null => screen.getByLabelText(name).textContent;
  expect([value('on f1'), value('on f2'), value('unconnected')]).toEqual(['all', 'all', 'all']);
  act(() => { screen.getByRole('button', { name: 'alpha' }).click(); });
  expect([value('on f1'), value('on f2'), value('unconnected')]).toEqual(['alpha', 'all', 'all']);
  act(() => { screen.getByRole('button', { name: 'beta' }).click(); });
  expect([value('on f1'), value('on f2'), value('unconnected')]).toEqual(['alpha', 'beta', 'all']);
});
