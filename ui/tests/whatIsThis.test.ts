// "¿Qué es esto?" beside a legal term: one plain line from the shared
// glossary, in the window's language, opened and closed from the keyboard.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import TextField from '../src/components/TextField.svelte';
import WhatIsThis from '../src/components/WhatIsThis.svelte';
import { definedTerms, definition, setLocale } from '../src/i18n/index.svelte';

afterEach(() => setLocale('en'));

describe('what is this?', () => {
  it('explains every term a family meets on the way to court, in both languages', () => {
    const asked = [
      'aNumber',
      'masterHearing',
      'individualHearing',
      'bond',
      'exhibit',
      'penaltyOfPerjury',
      'certificateOfService',
      'proSe',
    ];
    expect(definedTerms()).toEqual(expect.arrayContaining(asked));
    for (const name of definedTerms()) {
      for (const lang of ['en', 'es'] as const) {
        const line = definition(name, lang);
        expect(line, `${lang}:${name}`).not.toMatch(/\n/);
        expect(line.length, `${lang}:${name}`).toBeLessThan(260);
      }
      expect(definition(name, 'es')).not.toBe(definition(name, 'en'));
    }
  });

  it('opens beside a field from the keyboard, in Spanish, and closes again', async () => {
    setLocale('es');
    const user = userEvent.setup();
    render(TextField, { props: { id: 'a', label: 'Número A', value: '', term: 'aNumber' } });
    const button = screen.getByRole('button', { name: '¿Qué es esto? (número A)' });
    const definitionOf = () => document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(definitionOf()?.hidden).toBe(true);

    // It comes before the field, where the label is read.
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(definitionOf()?.hidden).toBe(false);
    expect(definitionOf()?.textContent).toMatch(/^Número A: El número de 8 o 9 cifras.*Notificación de comparecencia/);
    // The field keeps its own label: the button is not part of it.
    expect(screen.getByLabelText('Número A').tagName).toBe('INPUT');

    await user.keyboard(' ');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(definitionOf()?.hidden).toBe(true);
  });

  it('asks about a term by its name where it stands alone', async () => {
    setLocale('es');
    const user = userEvent.setup();
    render(WhatIsThis, { props: { name: 'certificateOfService', named: true } });
    await user.click(screen.getByRole('button', { name: '¿Qué quiere decir «constancia de notificación»?' }));
    expect(screen.getByText(/abogado o la abogada del DHS/)).toBeTruthy();
  });
});
